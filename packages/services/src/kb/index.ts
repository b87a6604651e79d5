// Knowledge base articles and the expert finder.
export {};
