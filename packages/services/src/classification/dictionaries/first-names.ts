import { wordSet } from './normalize';

/**
 * Common given names across English-, Spanish-, Portuguese-, French-,
 * German-, Italian-, Dutch-, Nordic-, Slavic-, Greek-, Arabic-, Turkish-,
 * Persian-, South Asian, East Asian and African-speaking populations.
 * Deliberately left out: names that are everyday words, months, places or
 * colours (May, June, April, August, Grace, Hope, Faith, Joy, Will, Mark,
 * Bill, Guy, Rose, Jordan, Paris, India, Chad, Georgia…) and two-letter
 * names (Al, Ed, Jo), which would make status or category columns look like names.
 */
export const FIRST_NAMES = wordSet(`
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony
donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander
patrick raymond dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah
ethan jeremy walter christian keith roger terry austin sean gerald carl harold dylan arthur lawrence
jesse bryan joe billy bruce gabriel logan albert willie alan eugene russell vincent philip bobby louis
harry wayne howard liam oliver elijah lucas mason logan aiden jayden sebastian mateo leo owen
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty sandra
margaret ashley kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca sharon
laura cynthia dorothy amy kathleen angela shirley brenda emma anna pamela nicole samantha katherine
christine helen debra rachel carolyn janet maria catherine heather diane olivia julie victoria kelly
christina lauren joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann
madison frances kathryn janice jean abigail alice judy sophia denise beverly danielle marilyn
charlotte natalie diana brittany theresa kayla alexis lori isabella ava mia harper amelia ella chloe
scarlett aria lily zoe nora aurora savannah audrey claire stella lucy paisley
jose juan carlos luis miguel jorge pedro manuel francisco javier antonio alejandro fernando ricardo
rafael sergio diego pablo andres eduardo roberto mario enrique alberto raul oscar ramon hector ruben
santiago martin gonzalo ignacio alvaro rodrigo joaquin emilio cesar hugo marcos nicolas
maria carmen ana isabel lucia laura marta elena sofia paula sara cristina andrea pilar dolores
beatriz alicia patricia raquel silvia irene nuria julia claudia valentina camila daniela
gabriela mariana fernanda valeria ximena guadalupe esperanza consuelo catalina adriana veronica
joao pedro tiago rui nuno goncalo duarte afonso vitor sebastiao luiz gustavo thiago bruno leandro
rafaela beatriz ines joana leonor matilde francisca larissa leticia
jean pierre michel philippe alain nicolas christophe patrick francois laurent frederic stephane
olivier sebastien thierry eric julien vincent guillaume maxime antoine mathieu jerome benoit
quentin romain clement hugo theo louis gabriel arthur jules raphael baptiste etienne
marie nathalie isabelle sylvie catherine francoise christine monique valerie sandrine veronique
sophie celine stephanie aurelie camille manon chloe lea pauline mathilde juliette margaux oceane
elodie emilie amandine helene brigitte genevieve josephine
hans peter klaus wolfgang jurgen dieter gunter horst uwe bernd thomas andreas stefan frank markus
michael christian matthias sven jens dirk torsten lars jan tobias florian sebastian lukas jonas
felix maximilian niklas moritz finn paul leon elias tim fabian dominik kai
ursula helga renate monika petra sabine birgit gabriele karin andrea claudia susanne stefanie
katrin nicole anja tanja sandra melanie jana julia lena lea laura hannah annika leonie johanna
marco giuseppe giovanni francesco antonio mario luigi alessandro andrea stefano roberto paolo
massimo matteo lorenzo davide riccardo federico simone luca fabio gianluca salvatore vincenzo
giulia francesca chiara federica alessandra valentina silvia elisa martina giorgia serena
elisabetta paola simona roberta antonella daniela rossella
jan pieter kees henk willem johannes hendrik cornelis gerrit dirk bas sander ruben thijs daan
bram sem wouter jeroen maarten koen niels
anouk sanne femke lotte fleur iris maaike marloes eva roos sanne
lars erik anders johan nils karl olof magnus henrik bjorn sven gustav axel oskar emil viktor
mikael jonas rasmus mads soren jesper kasper morten thor einar knut arne
anna ingrid astrid sigrid karin kerstin birgitta ulla maja elsa freya linnea ebba signe
ida frida tove hanne mette sofie
ivan sergei dmitri dmitry alexei andrei nikolai vladimir mikhail pavel yuri oleg igor boris
anatoly viktor maxim artem denis evgeny konstantin stanislav piotr tomasz krzysztof
pawel marcin lukasz grzegorz jakub mateusz wojciech michal adam jiri petr tomas ondrej
zoran dragan goran nikola marko stefan luka
olga natalia tatiana elena irina svetlana ekaterina anastasia yulia marina ludmila galina
oksana agnieszka katarzyna malgorzata magdalena joanna barbara ewa zofia jana petra lenka
milena jelena ivana dragana
georgios konstantinos dimitrios ioannis nikolaos panagiotis vasileios christos athanasios
eleni katerina vasiliki sofia
mohammed muhammad mohamed ahmed ahmad ali omar mahmoud mustafa hassan hussein ibrahim khalid
youssef yusuf abdullah abdul karim tariq hamza bilal samir walid nasser faisal rashid
fatima aisha khadija zainab mariam maryam layla leila noor nour amira yasmin salma huda hana
rania samira nadia zahra
mehmet mustafa ahmet hasan huseyin ibrahim ismail osman yusuf murat emre burak cem kemal
ayse fatma emine hatice zeynep elif merve esra ozlem
reza mohammad hossein mehdi amir saeed ali hamid majid farhad
rahul amit raj rajesh sanjay vijay anil sunil ravi arjun rohit vikram manish deepak suresh
ramesh ashok prakash aditya karan nikhil vivek abhishek krishna ganesh arun kumar
priya pooja neha anjali sunita anita kavita deepa divya lakshmi meera nisha rekha shreya
swati aishwarya ananya kavya sneha
wei jie hao lei ming yang tao chen qiang jian feng hui bo xin yong kai
li fang ying na xiu mei yan ling jing hong xia juan yun qing
hiroshi takashi kenji akira satoshi yuki daisuke kazuki haruto sota yuto ren takumi kenta
yumi yoko keiko akiko naoko emi sakura hana yui aoi rin mei haruka misaki
minjun seojun jiho jihoon junho hyun sungmin donghyun jiwoo minji seoyeon jiyeon soyeon
hyejin eunji yuna
kwame kofi kwesi yaw kojo chinedu emeka obinna chukwuma oluwaseun tunde babajide ade femi
musa ibrahim tendai tafadzwa thabo sipho themba bongani mandla jabulani
ama akosua adwoa abena chiamaka ngozi chioma adaeze funmilayo folake yetunde amina zanele
nomvula thandiwe lindiwe nandi
`);
