import { wordSet } from './normalize';

/**
 * Common family names across the same populations as FIRST_NAMES. Left out:
 * surnames that are ordinary words or colours (White, Black, Brown, Green,
 * Young, King, Hill, Wood, Stone, Long, Bell, Price, Hall, Park, Rose…), so a
 * `color` or `size` column never reads as names.
 */
export const SURNAMES = wordSet(`
smith johnson williams jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson
anderson thomas taylor moore jackson martin lee thompson harris clark lewis robinson walker perez
allen sanchez wright scott torres nguyen flores adams nelson baker campbell mitchell carter roberts
gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris morales murphy
rogers gutierrez ortiz morgan cooper peterson reed bailey kelly howard ramos kim cox richardson
watson brooks chavez bennett james mendoza ruiz hughes alvarez castillo sanders patel myers
ross foster jimenez powell jenkins perry russell sullivan coleman butler henderson barnes fisher
vasquez simmons romero patterson alexander hamilton graham reynolds griffin wallace
cole hayes gibson bryant ellis stevens murray marshall owens mcdonald harrison kennedy
wells alvarado castro holmes ortega dunn hunt daniels palmer mills nichols grant ferguson
stephens olson guzman schmidt hoffman mendez gardner webb payne freeman elliott
oconnor osullivan obrien murphy kelly byrne ryan walsh mccarthy doherty quinn fitzgerald
macdonald mackenzie campbell stewart robertson thomson anderson
garcia fernandez gonzalez rodriguez lopez martinez sanchez perez gomez martin jimenez ruiz
hernandez diaz moreno alvarez munoz romero alonso gutierrez navarro torres dominguez vazquez
ramos gil serrano molina morales suarez ortega delgado castro ortiz rubio marin sanz
iglesias medina garrido cortes castillo santos lozano guerrero cano prieto mendez calvo
silva santos ferreira pereira oliveira costa rodrigues almeida nascimento lima araujo fernandes
carvalho gomes lopes ribeiro martins rocha sousa souza barbosa moreira cardoso teixeira
correia pinto mendes nunes vieira monteiro cavalcanti
dubois durand leroy moreau simon laurent lefebvre michel garcia david bertrand roux vincent
fournier morel girard andre mercier dupont lambert bonnet francois martinez legrand garnier
faure rousseau guerin muller henry roussel nicolas perrin morin mathieu clement gauthier
dumont lopez fontaine chevalier robin masson sanchez gerard nguyen boyer denis lemaire duval
muller schmidt schneider fischer weber meyer wagner becker schulz hoffmann schafer koch bauer
richter wolf schroder neumann zimmermann kruger hofmann hartmann lange
schmitt werner schmitz krause meier lehmann schmid schulze maier kohler herrmann konig walter
mayer huber kaiser fuchs peters lang scholz moller jung hahn schubert vogel friedrich
rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti
luca mancini costa giordano rizzo lombardi moretti barbieri fontana santoro mariani rinaldi
caruso ferrara galli martini leone longo gentile martinelli vitale lombardo serra coppola
jong jansen vries berg dijk bakker janssen visser smit meijer boer mulder
groot bos vos peters hendriks leeuwen dekker brouwer wit dijkstra smits graaf
meer linden kok jacobs haan vermeulen heuvel veen
johansson andersson karlsson nilsson eriksson larsson olsson persson svensson gustafsson
pettersson jonsson jansen hansen johansen olsen larsen andersen pedersen nielsen kristiansen
jensen christensen sorensen rasmussen jorgensen petersen madsen kristensen korhonen virtanen
makinen nieminen hamalainen laine heikkinen koskinen
ivanov smirnov kuznetsov popov vasiliev petrov sokolov mikhailov novikov fedorov morozov
volkov alekseev lebedev semenov egorov pavlov kozlov stepanov nikolaev orlov andreev makarov
ivanova smirnova kuznetsova popova petrova sokolova volkova
nowak kowalski wisniewski wojcik kowalczyk kaminski lewandowski zielinski szymanski wozniak
dabrowski kozlowski jankowski mazur kwiatkowski krawczyk kaczmarek piotrowski grabowski
novak svoboda novotny dvorak cerny prochazka kucera vesely horak nemec
papadopoulos papadakis georgiou dimitriou nikolaou ioannou konstantinou
yilmaz kaya demir sahin celik yildiz yildirim ozturk aydin ozdemir arslan dogan kilic aslan
cetin kara koc kurt ozkan simsek
hussain khan ahmed ali shah malik iqbal akhtar butt qureshi chaudhry sheikh siddiqui rahman
hassan abdullah mohamed ibrahim mahmoud saleh haddad khoury nasser mansour
sharma verma gupta singh kumar patel shah mehta joshi reddy rao nair iyer menon pillai desai
kapoor malhotra chopra bhatia agarwal banerjee chatterjee mukherjee bose ghosh sen
wang zhang liu chen yang huang zhao zhou xu zhu gao lin guo luo zheng liang xie tang han
feng deng cao peng zeng xiao tian dong yuan cai jiang yu du ye cheng wei su lu ding ren
ng lim ong goh chua teo koh wong chan leung cheung lau chow tsang
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada
sasaki yamaguchi matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda hashimoto
kim lee choi jung kang cho yoon jang lim han oh seo shin kwon hwang ahn
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong
okafor okonkwo adeyemi adebayo oladipo mensah owusu asante boateng osei appiah nkosi dlamini
ndlovu mokoena khumalo mthembu naidoo
`);
