/* gen_lists.c: the generator's word lists: names of people by naming
 * tradition, countries, invented towns, companies, clubs, parties, outlets,
 * roles, and the boilerplate and filler every outlet shares.
 *
 * People are invented by combining a given name and a family name of one
 * tradition; towns by combining a head and a tail. Countries and their
 * capitals are real, as in real news; everything that happens in them is
 * not. Not the wording of events (gen_kinds.c). */
#include "gen.h"

#include <stdlib.h>
#include <string.h>

const gen_culture_words gen_cultures[CU_COUNT] = {
    [CU_ANGLO] = {
        "Emily Sarah Jessica Laura Rachel Hannah Megan Claire Rebecca Amy Karen Susan Helen Fiona "
        "Grace Olivia Chloe Lucy Abigail Natalie Diane Joanne Kathryn Melissa Tara Bethany",
        "James David Michael Robert Daniel Thomas Mark Paul Andrew Peter Richard Steven Matthew "
        "Christopher Simon Jonathan Gareth Neil Brian Kevin Patrick Ryan Nathan Graham Liam Owen",
        "Smith Turner Walsh Hughes Bennett Fletcher Harding Whitmore Caldwell Ashworth Pemberton "
        "Holloway Barrett Gallagher Doyle Ramsey Sutton Crawford Lindsay Mercer Whitfield Hadley "
        "Prescott Keane Osborne Radcliffe Thornton Blackwood Everett Marsh Fenwick Kerr Sinclair "
        "Dunmore Hale Ridley Foxley Carver Langford Ellery",
        "Ash Brook Clear Elm Fair Glen Hart Kings Mill North Oak Red Stan West Wood Black",
        "ford field ton bury wick ley dale mouth bridge well ham stead",
        "County", false},
    [CU_HISPANIC] = {
        "María Carmen Lucía Sofía Isabel Ana Paula Valentina Camila Daniela Elena Rosa Marta Inés "
        "Adriana Gabriela Beatriz Pilar Julia Natalia Verónica Lorena Ximena Alejandra",
        "José Juan Carlos Luis Miguel Javier Alejandro Diego Andrés Fernando Jorge Pablo Sergio "
        "Rafael Manuel Ricardo Eduardo Raúl Héctor Ignacio Gonzalo Esteban Mateo Tomás",
        "García Rodríguez Martínez López Hernández González Pérez Sánchez Ramírez Torres Flores "
        "Rivera Gómez Díaz Morales Ortiz Castillo Romero Vargas Navarro Núñez Herrera Medina "
        "Aguilar Castro Molina Rojas Ibáñez Fuentes Cabrera Salazar Delgado Peña Montoya Cordero "
        "Villalobos Echeverría Quintero Barrios Zamora",
        "San_ Santa_ Villa Monte Puerto_ Río_ Valle_ Las_ Los_ Alto_ Campo",
        "cruz verde mar blanco luna nueva rica alba hermosa dorado sol",
        "Province", false},
    [CU_PORTUGUESE] = {
        "Ana Beatriz Mariana Juliana Fernanda Letícia Camila Larissa Patrícia Renata Luana "
        "Gabriela Carolina Débora Tatiana Vitória Inês Joana Raquel Sónia",
        "João Pedro Lucas Gabriel Rafael Felipe Gustavo Thiago Bruno Rodrigo Marcelo Eduardo "
        "Leonardo Caio Vinícius André Paulo Sérgio Tiago Nuno",
        "Silva Santos Oliveira Souza Ferreira Almeida Costa Carvalho Gomes Ribeiro Martins Araújo "
        "Barbosa Rocha Lima Cardoso Teixeira Moreira Cavalcanti Monteiro Mendes Pinto Correia "
        "Nascimento Azevedo Freitas Guimarães Leitão Conceição Brandão",
        "São_ Porto_ Vila_ Campo_ Rio_ Serra_ Nova_ Boa_ Santa_ Belo_",
        "Alegre Vista Branca Grande Esperança Verde Ventura Dourada Formosa Lagoa",
        "State", false},
    [CU_FRENCH] = {
        "Camille Léa Manon Chloé Inès Sophie Julie Céline Aurélie Hélène Claire Margaux Élise "
        "Nathalie Sandrine Amélie Juliette Mathilde Pauline Agathe",
        "Jean Pierre Louis Nicolas Julien Antoine Mathieu Laurent Olivier Sébastien François "
        "Étienne Thierry Guillaume Benoît Hugo Rémi Arnaud Yannick Didier",
        "Martin Bernard Dubois Laurent Lefèvre Moreau Girard Fontaine Rousseau Mercier Blanchard "
        "Garnier Chevalier Lambert Bonnet Faure Perrin Marchand Duval Lemoine Leroux Gauthier "
        "Renaud Picard Caron Roux Bertrand Delacroix Vasseur Aubert",
        "Saint-Ville Mont Bourg Beau Val Roche Champ Font Chateau",
        "-sur-Loire neuve -la-Forêt mont lieu fort ville-les-Bains bois",
        "Department", false},
    [CU_GERMANIC] = {
        "Anna Katrin Sabine Julia Lena Miriam Claudia Petra Ursula Johanna Greta Annika Sanne "
        "Femke Lotte Ingrid Renate Karin Heike Mareike",
        "Thomas Stefan Andreas Michael Jürgen Klaus Markus Tobias Florian Matthias Lukas "
        "Sebastian Wolfgang Dirk Joost Pieter Maarten Bram Henk Ruud",
        "Müller Schmidt Schneider Fischer Weber Wagner Becker Hoffmann Schäfer Koch Richter Klein "
        "Wolf Neumann Schwarz Zimmermann Krüger Hartmann Lange Vogel Brandt Jansen de_Vries "
        "van_Dijk Bakker Visser Smit Mulder de_Groot Hendriks Vermeulen Brouwer",
        "Alten Ober Nieder Rosen Stein Wald Eichen Linden Hoch Kirch Berg",
        "burg dorf hausen feld heim stadt bach au brück",
        "District", false},
    [CU_NORDIC] = {
        "Ingrid Astrid Sigrid Liv Maja Freja Ida Elin Karin Solveig Hanne Linnea Tuva Saga "
        "Aino Kaisa Sanna Helmi Signe Marit",
        "Erik Lars Anders Nils Olav Magnus Henrik Jonas Sven Björn Gunnar Jens Mikkel Søren Rasmus "
        "Eero Mikko Juha Antti Pekka",
        "Hansen Johansen Olsen Larsen Andersen Nilsson Lindqvist Berg Dahl Holm Lund Strand "
        "Eriksson Sandberg Nyström Lindgren Håkansson Solberg Bakken Haugen Virtanen Korhonen "
        "Mäkinen Nieminen Lehtonen Kristiansen Møller Østergaard Sørensen Åberg",
        "Hal Skog Ber Lund Vik Tor Ost Norr Ulv Grim Sand Fjell",
        "by holm vik stad sund berg fjord nes øy",
        "County", false},
    [CU_ITALIAN] = {
        "Giulia Francesca Chiara Alessandra Valentina Sara Martina Federica Elisa Silvia Paola "
        "Roberta Serena Ilaria Giovanna Beatrice",
        "Marco Luca Giuseppe Giovanni Francesco Alessandro Matteo Andrea Stefano Lorenzo Davide "
        "Riccardo Massimo Roberto Paolo Fabio",
        "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti "
        "De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Caruso Mariani "
        "Ferraro Galli Martinelli Santoro",
        "Monte Castel Borgo Villa San_ Porto Pieve Rocca Poggio",
        "franco nuovo vecchio alto marina rosso fiore verde",
        "Province", false},
    [CU_SLAVIC] = {
        "Anna Katarzyna Olena Natalia Marta Ivana Milena Jana Tereza Iryna Oksana Dragana Maja "
        "Zofia Agnieszka Lucie Petra Svitlana",
        "Piotr Tomasz Andriy Oleksandr Jan Pavel Marek Dmytro Nikola Milan Luka Jakub Ondřej "
        "Vladimir Bogdan Stefan Krzysztof Ivan",
        "Nowak Kowalski Wiśniewski Zieliński Kovalenko Shevchenko Bondarenko Novák Dvořák "
        "Horvat Kovačević Petrović Jovanović Marković Đorđević Babić Tkachenko Lewandowski "
        "Kamiński Procházka Černý Nikolić Popović Kravchenko Melnyk Wójcik",
        "Novo Stara Bela Kras Zlato Vysh Gor Pod Dolna Bor",
        "grad gorod polje ovo ice ava nik sk",
        "Oblast", false},
    [CU_ARABIC] = {
        "Fatima Aisha Mariam Layla Nour Yasmin Huda Salma Rania Dina Hana Zeinab Amira Lina "
        "Samira Reem",
        "Mohammed Ahmed Ali Omar Khalid Youssef Hassan Ibrahim Tariq Karim Samir Walid Nabil "
        "Faisal Hamza Mahmoud Adel Rami",
        "Haddad Khoury Mansour Nasser Saleh Hamdan Rahman Qasim Aziz Farouk El-Sayed Abdallah "
        "Darwish Hakimi Masri Tahir Benali Zaki Said Najjar Bakr Othman Suleiman Awad",
        "Al- Bir_ Ain_ Wadi_ Tell_ Ras_ Jebel_ Qasr_ Dar_",
        "Sahra Nakhla Hamra Kabir Jadida Zarqa Sharq Malih",
        "Governorate", false},
    [CU_TURKISH] = {
        "Ayşe Fatma Elif Zeynep Emine Merve Büşra Esra Deniz Selin Gül Derya Nur Aylin",
        "Mehmet Ahmet Mustafa Ali Hüseyin Hasan Murat Emre Burak Cem Kemal Serkan Oğuz Volkan",
        "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç "
        "Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Erdem",
        "Kara Ak Yeni Eski Büyük Kızıl Sarı Çam Taş Göl",
        "köy dere su ova kale tepe pınar",
        "Province", false},
    [CU_SOUTH_ASIAN] = {
        "Priya Anjali Sunita Kavita Deepa Pooja Neha Aisha Farida Shreya Lakshmi Meera Ritu "
        "Nasreen Sana Tahmina",
        "Rahul Amit Sanjay Vikram Arjun Rajesh Suresh Imran Asif Kamal Rohan Anil Vijay Farhan "
        "Nikhil Tariq",
        "Sharma Patel Singh Kumar Gupta Reddy Iyer Nair Chowdhury Banerjee Mehta Joshi Khan "
        "Qureshi Malik Hossain Rahman Perera Fernando Shrestha Thapa Kapoor Desai Pillai",
        "Rampur Chandi Nagar Raj Shiv Hari Devi Sita Gopal",
        "pur abad garh nagar ganj palli kot",
        "District", false},
    [CU_CHINESE] = {
        "Mei Lin Xiu Ying Hui Fang Jing Yan Li Na Xia Qing Yun Lan",
        "Wei Jun Lei Hao Ming Jian Qiang Tao Bo Yong Feng Gang Chao Peng",
        "Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Ma Zhu Hu Guo He Lin Gao Luo",
        "Lin Xi Dong Nan Bei Jin Long Feng Qing Bai",
        "zhou yang shan he ning chang ping",
        "Province", true},
    [CU_KOREAN] = {
        "Ji-woo Seo-yeon Min-ji Ha-eun Soo-jin Eun-ji Ye-jin Hye-won Yu-na Da-eun",
        "Min-jun Ji-ho Seung-woo Jae-hyun Dong-hyun Sung-min Young-ho Tae-yang Hyun-woo Jin-soo",
        "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song",
        "Dae Han Gwang Cheong Mok Seong Nam Pyeong Ul",
        "san ju won cheon chang ryeong do",
        "Province", true},
    [CU_JAPANESE] = {
        "Yuki Haruka Aiko Naomi Sakura Emi Yoko Mai Rina Keiko Ayaka Natsumi",
        "Hiroshi Takeshi Kenji Yuto Daiki Haruto Satoshi Kazuki Ryo Shota Makoto Kenta",
        "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida "
        "Yamada Sasaki Matsumoto Inoue Kimura Hayashi Shimizu Mori Ikeda",
        "Kita Minami Higashi Nishi Shima Naka Taka Oka Kawa",
        "yama zaki saki hara mura gawa shima",
        "Prefecture", false},
    [CU_INDONESIAN] = {
        "Siti Dewi Sri Ayu Putri Rina Wulan Indah Ratna Fitri Nur Maya",
        "Budi Agus Joko Andi Rudi Bambang Hendra Eko Dimas Rizky Yusuf Arif",
        "Santoso Wijaya Saputra Hidayat Kusuma Pratama Setiawan Gunawan Nugroho Susanto "
        "Wibowo Halim Siregar Nasution Lubis Purnomo",
        "Tanjung Sungai Kota Bukit Pulau Batu Muara Air",
        "jaya raya baru indah mas sari",
        "Regency", false},
    [CU_WEST_AFRICAN] = {
        "Amina Ngozi Chiamaka Funmilayo Aisha Abena Akosua Efua Fatou Aminata Yetunde Adaeze "
        "Mariama Esi",
        "Chinedu Emeka Olusegun Tunde Kwame Kofi Yaw Ibrahim Musa Abdoulaye Oumar Babajide "
        "Obinna Kwesi",
        "Okafor Adeyemi Okonkwo Balogun Eze Nwosu Mensah Owusu Boateng Asante Diallo Ndiaye "
        "Sow Traoré Bello Abubakar Danjuma Osei Adebayo Ogunleye Fall Ouédraogo",
        "Ile- Oke- Aba Ibo Kum Ada Sok Bam",
        "kuta ase ma du ko wa lo",
        "State", false},
    [CU_BANTU] = {
        "Wanjiru Achieng Nomvula Thandiwe Zanele Neema Rehema Amani Lindiwe Njeri Akinyi Zawadi",
        "Thabo Sipho Otieno Kamau Baraka Juma Bongani Themba Mandla Kipchoge Mwangi Tendai",
        "Mwangi Otieno Kamau Njoroge Ochieng Wanjala Nkosi Dlamini Mokoena Ndlovu Khumalo Moyo "
        "Mutua Kariuki Mbeki Mabaso Msomi Kiprono Chebet Mollel",
        "Ki Ma Nya Ka Mto Bu Ngo",
        "tale bura wanda ngo seni lolo mbe",
        "County", false},
};

const gen_country_words gen_countries[] = {
    {"the United States", "American", "Washington", CU_ANGLO},
    {"Britain", "British", "London", CU_ANGLO},
    {"Canada", "Canadian", "Ottawa", CU_ANGLO},
    {"Australia", "Australian", "Canberra", CU_ANGLO},
    {"Ireland", "Irish", "Dublin", CU_ANGLO},
    {"New Zealand", "New Zealand", "Wellington", CU_ANGLO},
    {"Spain", "Spanish", "Madrid", CU_HISPANIC},
    {"Mexico", "Mexican", "Mexico City", CU_HISPANIC},
    {"Argentina", "Argentine", "Buenos Aires", CU_HISPANIC},
    {"Chile", "Chilean", "Santiago", CU_HISPANIC},
    {"Colombia", "Colombian", "Bogotá", CU_HISPANIC},
    {"Peru", "Peruvian", "Lima", CU_HISPANIC},
    {"the Philippines", "Philippine", "Manila", CU_HISPANIC},
    {"Brazil", "Brazilian", "Brasília", CU_PORTUGUESE},
    {"Portugal", "Portuguese", "Lisbon", CU_PORTUGUESE},
    {"France", "French", "Paris", CU_FRENCH},
    {"Belgium", "Belgian", "Brussels", CU_FRENCH},
    {"Germany", "German", "Berlin", CU_GERMANIC},
    {"Austria", "Austrian", "Vienna", CU_GERMANIC},
    {"the Netherlands", "Dutch", "Amsterdam", CU_GERMANIC},
    {"Norway", "Norwegian", "Oslo", CU_NORDIC},
    {"Sweden", "Swedish", "Stockholm", CU_NORDIC},
    {"Denmark", "Danish", "Copenhagen", CU_NORDIC},
    {"Finland", "Finnish", "Helsinki", CU_NORDIC},
    {"Italy", "Italian", "Rome", CU_ITALIAN},
    {"Poland", "Polish", "Warsaw", CU_SLAVIC},
    {"Ukraine", "Ukrainian", "Kyiv", CU_SLAVIC},
    {"the Czech Republic", "Czech", "Prague", CU_SLAVIC},
    {"Serbia", "Serbian", "Belgrade", CU_SLAVIC},
    {"Croatia", "Croatian", "Zagreb", CU_SLAVIC},
    {"Egypt", "Egyptian", "Cairo", CU_ARABIC},
    {"Morocco", "Moroccan", "Rabat", CU_ARABIC},
    {"Jordan", "Jordanian", "Amman", CU_ARABIC},
    {"Tunisia", "Tunisian", "Tunis", CU_ARABIC},
    {"Lebanon", "Lebanese", "Beirut", CU_ARABIC},
    {"Turkey", "Turkish", "Ankara", CU_TURKISH},
    {"India", "Indian", "New Delhi", CU_SOUTH_ASIAN},
    {"Pakistan", "Pakistani", "Islamabad", CU_SOUTH_ASIAN},
    {"Bangladesh", "Bangladeshi", "Dhaka", CU_SOUTH_ASIAN},
    {"Sri Lanka", "Sri Lankan", "Colombo", CU_SOUTH_ASIAN},
    {"Nepal", "Nepalese", "Kathmandu", CU_SOUTH_ASIAN},
    {"China", "Chinese", "Beijing", CU_CHINESE},
    {"South Korea", "South Korean", "Seoul", CU_KOREAN},
    {"Japan", "Japanese", "Tokyo", CU_JAPANESE},
    {"Indonesia", "Indonesian", "Jakarta", CU_INDONESIAN},
    {"Nigeria", "Nigerian", "Abuja", CU_WEST_AFRICAN},
    {"Ghana", "Ghanaian", "Accra", CU_WEST_AFRICAN},
    {"Senegal", "Senegalese", "Dakar", CU_WEST_AFRICAN},
    {"Kenya", "Kenyan", "Nairobi", CU_BANTU},
    {"Tanzania", "Tanzanian", "Dodoma", CU_BANTU},
    {"South Africa", "South African", "Pretoria", CU_BANTU},
};
const int gen_ncountries = sizeof gen_countries / sizeof *gen_countries;

/* Invented stems for company names ("Corvane Energy") and institutes. */
const char gen_company_stems[] =
    "Arvento Belmaris Corvane Dalvik Eskara Falcora Gantry Heliox Istara Juvena Kestrel Lumeo "
    "Marvane Norvik Orsted Pallas Quorra Rivenna Solvane Tarrow Umbra Valtek Wexford Xandra "
    "Yarrow Zentra Altmark Brightwater Cobalt Driftwood Everline Foxglove Granite Harrow Ironbark "
    "Juniper Keystone Larkspur Meridian Northgate Obsidian Pinecrest Quillon Redfern Silverline "
    "Thornbury Upland Vantor Westmere Alcora Bramley Castellan Dunmore Emberly Fairhaven "
    "Glenmark Halcyon Inverra Jasper Kinross Lodestar Mistral Nimbus Oakhurst Polaris Ravelle "
    "Saxony Tidewater Vireo Wolfram Aurelia Borealis Cirrus Delphin Equinor Fenwick Grayson";
const char gen_institute_stems[] =
    "Halden Carrick Westbrook Amberley Lindholm Marchetti Okonjo Reinhardt Sterling Tavistock "
    "Vasquez Whitcombe Bellamy Corrigan Drummond Ellison Forsythe Gilchrist";
/* syllables for invented proper nouns: islands, products, agreements */
const char gen_invented_syllables[] =
    "ka ve lo mar sen dra tor vi na bel cor es al ri tan ze ol var min sa do ren qu ist hal "
    "ver ost um ba kel";

const char *const gen_sector_suffix[SE_COUNT] = {
    "Energy", "Motors", "Pharma", "Bank", "Telecom", "Airways", "Technologies", "Mining",
    "Foods", "Retail", "Steel", "Shipping", "Rail"};
const char *const gen_sector_noun[SE_COUNT] = {
    "energy group", "carmaker", "drugmaker", "lender", "telecoms operator", "airline",
    "technology company", "miner", "food group", "retailer", "steelmaker", "shipping group",
    "rail operator"};
const char *const gen_sector_product[SE_COUNT] = {
    "home battery", "electric SUV", "diabetes drug", "mobile banking app", "5G phone plan",
    "premium economy cabin", "AI chip", "recycled copper brand", "plant-based range", "online marketplace",
    "low-carbon steel range", "express freight service", "night train service"};

/* "$t" is a town */
const char *const gen_club_patterns[] = {
    "$t FC", "$t United", "Real $t", "Sporting $t", "$t City", "Athletic $t", "Dynamo $t",
    "$t Rovers", "$t Wanderers", "Inter $t", NULL};
const char *const gen_party_names[] = {
    "Social Democratic Party", "National Alliance", "People's Party", "Liberal Democrats",
    "Green Party", "Party of Progress", "Civic Union", "Democratic Front", "Labour Party",
    "Conservative Union", "Freedom Party", "Renewal Movement", "Centre Party",
    "United Left", "Christian Democrats", NULL};
/* "$D" is the country's adjective */
const char *const gen_union_patterns[] = {
    "the $D Transport Workers' Union", "the National Union of Teachers", "the $D Nurses' Federation",
    "the Metalworkers' Union", "the $D Dockworkers' Association", "the Railway Workers' Union",
    "the Federation of Public Employees", "the $D Miners' Union", NULL};

const gen_outlet_words gen_outlets[] = {
    {"Meridian Press Agency", "meridianpress.example", true, 6},
    {"Global Wire Service", "globalwire.example", true, 6},
    {"Continental News Agency", "cna-news.example", true, 4},
    {"Pacific Press", "pacificpress.example", true, 3},
    {"The Northern Courier", "northerncourier.example", false, 2},
    {"Harbour Times", "harbourtimes.example", false, 2},
    {"The Capital Herald", "capitalherald.example", false, 3},
    {"Daily Ledger", "dailyledger.example", false, 2},
    {"The Evening Dispatch", "eveningdispatch.example", false, 2},
    {"Coastline Post", "coastlinepost.example", false, 1.5f},
    {"The Morning Sentinel", "morningsentinel.example", false, 2},
    {"Riverside Gazette", "riversidegazette.example", false, 1},
    {"The Observer Weekly", "observerweekly.example", false, 1},
    {"World Report Online", "worldreport.example", false, 3},
    {"NewsNow24", "newsnow24.example", false, 3},
    {"The Independent Voice", "independentvoice.example", false, 1.5f},
    {"Metro Daily", "metrodaily.example", false, 2},
    {"The Chronicle", "thechronicle.example", false, 2},
    {"Business Standard Review", "bsreview.example", false, 1.5f},
    {"Market Watchtower", "marketwatchtower.example", false, 1.5f},
    {"The Financial Observer", "finobserver.example", false, 1.5f},
    {"Sports Desk", "sportsdesk.example", false, 1},
    {"Goal Line", "goalline.example", false, 0.8f},
    {"Public Broadcasting Network", "pbn.example", false, 3},
    {"Channel 9 News", "channel9news.example", false, 2},
    {"Radio International", "radiointernational.example", false, 2},
    {"The Globe Review", "globereview.example", false, 1.5f},
    {"Atlas News", "atlasnews.example", false, 1.5f},
    {"The Frontier Post", "frontierpost.example", false, 1},
    {"Southern Star", "southernstar.example", false, 1},
    {"The Eastern Tribune", "easterntribune.example", false, 1.5f},
    {"Western Mail Online", "westernmail.example", false, 1},
    {"The Daily Compass", "dailycompass.example", false, 1.5f},
    {"Insight Newsroom", "insightnewsroom.example", false, 1},
    {"The Policy Brief", "policybrief.example", false, 0.8f},
    {"Headline Hub", "headlinehub.example", false, 2},
    {"The Civic Times", "civictimes.example", false, 1},
    {"Lakeside Journal", "lakesidejournal.example", false, 0.8f},
    {"The Highland News", "highlandnews.example", false, 0.8f},
    {"Bay City Bulletin", "baycitybulletin.example", false, 0.8f},
    {"The Continental", "thecontinental.example", false, 1.2f},
    {"Daily Signal Post", "signalpost.example", false, 1.2f},
    {"The Asia Correspondent", "asiacorrespondent.example", false, 1.2f},
    {"Africa Today Online", "africatoday.example", false, 1.2f},
    {"Euro Affairs", "euroaffairs.example", false, 1.2f},
    {"Americas Monitor", "americasmonitor.example", false, 1.2f},
    {"The Weekend Review", "weekendreview.example", false, 0.6f},
    {"Newsline Express", "newslineexpress.example", false, 1.5f},
    {"The People's Paper", "peoplespaper.example", false, 1},
    {"Open Press", "openpress.example", false, 1},
};
const int gen_noutlets = sizeof gen_outlets / sizeof *gen_outlets;

/* Lines a crawler keeps before the article. */
const char *const gen_bp_top[] = {
    "Skip to main content",
    "Home > News > World",
    "Home | World | Business | Sport | Opinion | Video",
    "Advertisement",
    "By $j",
    "By $j, $o",
    "$j | $o",
    "Published $d",
    "Updated $d",
    "Last updated: $d",
    "Listen to this article",
    "This article is more than 2 months old",
    "Sign in to $o",
    "Breaking news",
    "Exclusive",
    "5 min read",
    "Share on Facebook | Share on X | Email",
    NULL};

/* Lines a crawler keeps in the middle of the article. */
const char *const gen_bp_mid[] = {
    "Advertisement",
    "Continue reading below",
    "Story continues below advertisement",
    "Sign up for our morning briefing",
    "Get the latest news delivered to your inbox",
    "Watch: video from the scene",
    "RECOMMENDED",
    "Scroll to continue with content",
    "Sign up for our daily newsletter. Get the best of $o delivered to your inbox every morning. You can unsubscribe at any time.",
    "You have read 3 of your 5 free articles this month. Subscribe now for unlimited access to $o.",
    "This content is available to subscribers only. Already a subscriber? Log in.",
    "Support independent journalism. Your contribution helps us keep reporting from the places that matter.",
    NULL};

const char *const gen_bp_readmore[] = {
    "Read more:", "Related:", "More on this story", "Most read", "You may also like",
    "Also on $o:", "Trending now", "Related stories", NULL};

/* Lines a crawler keeps after the article. */
const char *const gen_bp_bottom[] = {
    "Share this article",
    "Subscribe to our newsletter",
    "Subscribe to $o for unlimited access",
    "We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.",
    "Accept all cookies | Manage preferences",
    "© $y $o. All rights reserved.",
    "Copyright $y $o",
    "Follow $o on Facebook, X and Instagram",
    "Reporting by $j; editing by $n",
    "Additional reporting by $j",
    "Have a story? Email our newsroom.",
    "Comments are closed.",
    "Terms of use | Privacy policy | Contact us",
    "Get the app: $o for iOS and Android",
    "This story has been corrected.",
    "Topics: World, Politics, Business",
    "Join the conversation. Comments are moderated and will appear after review. Please keep it civil and on topic.",
    "More from $o: Latest news | Analysis | Opinion | Video | Podcasts | Newsletters | Puzzles",
    "$o is not responsible for the content of external websites. Read about our approach to external linking.",
    "Our journalism is funded by readers. Become a member today and get ad-free reading, exclusive newsletters and more.",
    NULL};

/* About the author, after the article. */
const char *const gen_bp_bio[] = {
    "$j is a {correspondent|reporter} for $o {based in $Z|covering $K and the region}. {Before joining $o, $j worked for several regional newspapers.|$j has reported from more than 30 countries.}",
    "About the author: $j {writes about|covers} {politics|business|foreign affairs|breaking news} for $o.",
    "$j {is|works as} {a senior editor|a staff writer|the news editor} at $o. {Contact the newsroom with tips and corrections.|Follow $j on social media for updates.}",
    NULL};

/* Photo credits and captions; "$P" is the event's town. */
const char *const gen_bp_caption[] = {
    "Photo: $n/$o",
    "(Photo by $n)",
    "File photo: $P. Photo: $o",
    "Image: $n / $o",
    "A view of $P. (Photo: $n)",
    "Pool photo: $n",
    NULL};

/* Sentences any article can carry, whatever it reports. */
const char *const gen_filler[] = {
    "Officials did not immediately respond to requests for comment.",
    "{More|Further} details {are expected|were expected} {in the coming days|later in the week}.",
    "It was not immediately clear {how|when} the {situation|matter} would be resolved.",
    "The news {spread quickly|was widely shared} on social media, where {many users|people} expressed {concern|anger|surprise|support}.",
    "{Analysts|Observers|Commentators} said the {coming weeks|next few days|months ahead} would be {crucial|decisive|closely watched}.",
    "{The ministry|The government|Authorities} said {it|they} would {provide further updates|release more information} {in due course|as soon as possible}.",
    "{Local|State} media {reported|carried} {similar figures|the same account|the news} {late on $w|on $w|earlier}.",
    "The {issue|question} of $W has {dominated|shaped} {public debate|the headlines} in $K {for months|in recent weeks|for years}.",
    "{Critics|Opposition figures} {have long|repeatedly} {warned|argued} that $W {could|would} become a {bigger|serious} problem.",
    "{Some|Several} {residents|people} said they {learned of|heard about} it {from television|on social media|from neighbours}.",
    "{The|This} {announcement|development} comes at a {sensitive|difficult} time for $K.",
    "{Observers|Diplomats} {say|said} the {episode|affair} {has raised questions about|has put a spotlight on} $W.",
    "{Neither side|No one} {gave|offered} {further|more} details.",
    "The figures could not be independently verified.",
    "{It is|It was} {the latest|one more} {in a series of|of several} {setbacks|developments|incidents} {this year|in recent months}.",
    "{Markets|Investors} {showed little reaction|reacted cautiously} to the {news|announcement}.",
    "{A statement|A short statement} {posted online|released late on $w} {gave few details|confirmed the account}.",
    "{Questions remain|Many questions remain} about {what happens next|the next steps}.",
    "{Polls|Surveys} suggest {most|many} people in $K {follow|care about} $W {closely|a great deal}.",
    "The {full|complete} {report|figures} will be {published|made public} {later this month|next week|in the coming weeks}.",
    "$h {declined|refused} to {say more|give further details}.",
    "{The|Local} {authorities|officials} {urged|asked} {the public|people} to {remain calm|stay informed|follow official advice}.",
    "{According to|Citing} {people familiar with the matter|sources close to the talks|officials who asked not to be named}, {further|more} {steps|announcements} are {expected|likely}.",
    "{People|Residents} {interviewed|spoken to} {on the streets of $Z|by local media} {gave|had} {mixed|different} {views|reactions}.",
    "{It|This} {is|was} {not the first time|the second time this year} that $W has {made headlines|come up} in $K.",
    "{The|A} {government spokesperson|spokesperson for the government} {declined to comment|had no immediate comment} {on the details|when contacted}.",
    "{Opposition lawmakers|Members of parliament} {called for|demanded} {a debate|an urgent debate} on $W.",
    "{Independent experts|Economists} said the {effects|consequences} would {be felt|last} {for months|for some time}.",
    "{There was|There has been} no {official|independent} confirmation of the {figures|reports}.",
    "{Newspapers|Several newspapers} in $K {led with|carried} the story on their front pages {on $w|the next day}.",
    "{Earlier|Previously}, {officials|the authorities} {had said|had insisted} {there was no cause for concern|the situation was under control}.",
    "The {episode|issue} {is likely to|will probably} {feature|come up} {in parliament|in the coming weeks}.",
    "{A reporter|Our correspondent} in $P said {the mood|the atmosphere} was {tense|calm|sombre}.",
    "{International organisations|Foreign governments} {said they were|are} {watching|following} {events|developments} in $K closely.",
    "{This|The} {story|report} {will be|is being} updated.",
    NULL};

/* Quotes for any occasion, used when a kind's own run out. */
const char *const gen_generic_quote[] = {
    "We are following the situation very closely",
    "It is too early to draw any conclusions",
    "Nobody expected it to happen so quickly",
    "We will have more to say in the coming days",
    "There is a lot of work ahead of us",
    "Everyone understands what is at stake",
    NULL};

/* A spot in a town where something happens: "$I" is an invented name. */
const char *const gen_spot[] = {
    "$I Street", "$I Square", "the $I Bridge", "$I Avenue", "the $I district", "$I Road",
    "the $I roundabout", "$I Park", "the $I quarter", "$I Boulevard", "the $I estate", NULL};

/* Words of everyday life, for the colour that sets one report apart:
 * what people do, where they shop, what they carry. Each event prefers a
 * few of each (gen_text.c). */
const char gen_professions[] =
    "teacher nurse plumber electrician baker taxi_driver shopkeeper pharmacist student farmer "
    "fisherman carpenter mechanic accountant cleaner security_guard bus_driver engineer architect "
    "dentist librarian lawyer waiter chef hairdresser tailor butcher florist postman firefighter "
    "paramedic midwife social_worker civil_servant retired_teacher pensioner welder bricklayer "
    "painter decorator translator journalist photographer musician actor software_developer "
    "lorry_driver courier warehouse_worker factory_worker miner dock_worker vet gardener "
    "cook cashier receptionist nanny caretaker shepherd beekeeper winemaker potter jeweller "
    "watchmaker locksmith cobbler upholsterer glazier roofer surveyor pilot flight_attendant "
    "tour_guide hotel_manager estate_agent insurance_broker bank_clerk economist historian "
    "biologist chemist physiotherapist optician radiologist surgeon psychologist priest imam "
    "nun volunteer student_nurse apprentice street_vendor market_trader fruit_seller "
    "newsagent printer bookseller sculptor dancer football_coach swimming_instructor "
    "driving_instructor kindergarten_teacher school_principal lecturer researcher lab_technician "
    "IT_consultant call-centre_worker delivery_rider ferry_captain train_driver tram_driver "
    "crane_operator forester ranger zookeeper groundskeeper";
const char gen_businesses[] =
    "bakery pharmacy butcher's_shop grocery café barber's_shop bookshop hardware_store "
    "petrol_station laundrette kebab_shop tailor's_shop florist's supermarket bank_branch "
    "post_office dental_clinic kindergarten primary_school secondary_school mosque church "
    "synagogue temple library cinema theatre museum gym swimming_pool sports_hall bus_station "
    "taxi_rank car_wash garage tyre_shop furniture_store shoe_shop toy_shop jeweller's "
    "optician's music_shop bicycle_shop print_shop internet_café pawnshop betting_shop "
    "nightclub wine_bar tea_house noodle_bar pizzeria fish_market flower_market "
    "vegetable_market textile_mill sawmill brewery dairy bottling_plant cannery "
    "brick_factory boatyard warehouse cold_store car_park hotel guesthouse hostel "
    "nursing_home health_centre maternity_ward community_centre youth_club "
    "railway_station tram_depot ferry_terminal fishing_harbour marina campsite "
    "tennis_club golf_course riding_school";
const char gen_objects[] =
    "blankets mattresses bottled_water bread candles torches umbrellas bicycles motorbikes "
    "wheelbarrows shovels buckets sandbags ladders ropes tents sleeping_bags generators "
    "radios mobile_phones power_banks suitcases rucksacks plastic_bags cardboard_boxes "
    "photographs flags banners placards whistles drums megaphones flowers wreaths candles "
    "toys school_books laptops medicines bandages face_masks gloves helmets boots raincoats "
    "jackets scarves hats shoes carpets curtains chairs tables fridges cookers kettles "
    "pots_and_pans rice flour sugar tinned_food fruit vegetables milk coffee tea biscuits "
    "cigarettes newspapers leaflets posters maps keys documents passports bank_cards "
    "cash cheques tickets receipts invoices contracts files hard_drives cameras drones "
    "fishing_nets boats oars life_jackets tyres car_parts pallets crates barrels sacks "
    "bricks planks tiles roof_sheets cement gravel fuel_cans gas_cylinders firewood coal";
const char gen_adjectives[] =
    "narrow crowded quiet busy empty dusty muddy flooded smoky noisy deserted leafy steep "
    "winding cobbled run-down newly_built historic modest cramped spacious sprawling tidy "
    "shabby elegant grey sunlit rain-soaked freezing sweltering windswept damp dark bright "
    "ancient modern ordinary familiar remote isolated bustling sleepy prosperous poor "
    "working-class middle-class industrial rural coastal hilly flat";

/* Colour: scenes of the place and of its people. "$e" an occupation, "$f"
 * a business, "$g" things, "$v" a description, "$I" a made-up name. */
const char *const gen_colour_local[] = {
    "{A|One} $e {who lives|who works} near $X said {the street|the neighbourhood} had {never|rarely} seen anything like it.",
    "The $I $f near $X {stayed open|closed early|did not open} {that day|on $w}, according to staff.",
    "{Volunteers|Neighbours} {handed out|brought} $g {outside|near} the $I $f.",
    "{The|Several} $v streets around $X {filled|emptied} {quickly|within minutes}.",
    "{Outside|Near} the $I $f, {a|one} $e {described|recalled} {the scene|what happened} {to reporters|in detail}.",
    "{People|Families} {carried|were seen carrying} $g through $X.",
    "{A|The} $f {run by|owned by} $n near $X {became|was turned into} a {meeting point|makeshift shelter}.",
    "{Staff|Workers} at the $I $f {said|told local radio} they had {never|rarely} been {so busy|so worried}.",
    "$n, a $e, said $H had {walked|driven} {past|to} $X {an hour earlier|that morning}.",
    "{In|On} the $v {lanes|streets} {behind|near} $X, {shutters|doors} {stayed|remained} closed.",
    "{Local|The} {council|municipality} {opened|offered} the $I $f to {residents|those affected}.",
    "{Stacks of|Piles of} $g {lay|stood} {outside|in front of} the $f near $X.",
    NULL};
const char *const gen_colour_other[] = {
    "{A|One} $e {in|from} $Z said {the news|the decision} would {change little|matter a great deal} for {ordinary people|families}.",
    "{Makers of|Sellers of} $g {in|across} $K {are watching|watched} {the outcome|events} {closely|with concern}.",
    "{At|Outside} the $I $f in $Z, {people|customers} {followed|discussed} the {news|talks} on {television|their phones}.",
    "$n, a $e, said {prices|the cost} of $g had {risen|gone up} {sharply|this year}.",
    "The {meeting|announcement} {came|was made} {in|at} the $v $I {building|hall} {in|near} the centre of $P.",
    "{Trade|Business} in $g {has|had} {slowed|picked up} {in recent months|this year}, {according to|said} {traders|a local association}.",
    "{Small businesses|Shop owners}, {from|like} the $I $f in $P, {say|said} they {feel|felt} {left out|ignored}.",
    NULL};

/* Site navigation: the menus of HTML pages. */
const char *const gen_nav[] = {
    "Home", "World", "Politics", "Business", "Markets", "Technology", "Science", "Health",
    "Sport", "Culture", "Opinion", "Video", "Podcasts", "Weather", "Newsletters", NULL};

/* The roles. Government titles are capitalised before the name; the
 * rest are appositions or lowercase titles. */
const gen_role_words gen_roles[R_COUNT] = {
    [R_PRESIDENT] = {"$yPresident", NULL},
    [R_PM] = {"$yPrime Minister", NULL},
    [R_FOREIGN] = {"$yForeign Minister", "the $yforeign minister"},
    [R_DEFENCE] = {"$yDefence Minister", "the $ydefence minister"},
    [R_INTERIOR] = {"$yInterior Minister", NULL},
    [R_HEALTH] = {"$yHealth Minister", "the $yhealth minister"},
    [R_FINANCE] = {"$yFinance Minister", NULL},
    [R_TRADE] = {"$yTrade Minister", "the $ytrade minister"},
    [R_JUSTICE] = {"$yJustice Minister", NULL},
    [R_TRANSPORT] = {"$yTransport Minister", NULL},
    [R_LABOUR] = {"$yLabour Minister", NULL},
    [R_ARMY_SPOKES] = {"$ymilitary spokes$g Colonel", "a spokes$g for the $yarmed forces"},
    [R_POLICE_SPOKES] = {"police spokes$g", "a police spokes$g"},
    [R_FM_SPOKES] = {"$yforeign ministry spokes$g", "a spokes$g for the $yForeign Ministry"},
    [R_EMERGENCY] = {NULL, "head of the $ynational disaster management agency"},
    [R_OPPOSITION] = {"opposition leader", "the leader of the opposition"},
    [R_ELECTION_CHIEF] = {NULL, "chair$g of the electoral commission"},
    [R_HEALTH_OFFICIAL] = {NULL, "director of the $ynational public health institute"},
    [R_REGULATOR] = {NULL, "head of the $ycompetition authority"},
    [R_INVESTIGATOR] = {"chief investigator", "who led the official inquiry"},
    [R_CEO] = {"$x chief executive", "chief executive of $x"},
    [R_COACH] = {"$x coach", "coach of $x"},
    [R_PARTY_LEADER] = {"$x leader", "leader of the $x"},
    [R_UNION] = {NULL, "head of $x"},
    [R_LAWYER] = {NULL, "a lawyer for $x"},
    [R_LAWYER2] = {NULL, "who represents $x"},
    [R_JUDGE] = {"Judge", "the presiding judge"},
    [R_PROSECUTOR] = {"prosecutor", "the lead prosecutor in the case"},
    [R_SUSPECT] = {NULL, "a $a-year-old man from $x"},
    [R_PROTEST_LEADER] = {"protest organiser", "one of the organisers of the protests"},
    [R_NEGOTIATOR] = {"$ychief negotiator", "who leads the $ynegotiating team"},
    [R_GOVERNOR] = {"Governor", "governor of $x"},
    [R_MAYOR] = {"Mayor", "mayor of $x"},
    [R_RESIDENT] = {NULL, "a $a-year-old $e from $x"},
    [R_WITNESS] = {NULL, "a $e who saw it happen"},
    [R_ANALYST] = {NULL, "an analyst at $x"},
    [R_SEISMOLOGIST] = {NULL, "a seismologist at $x University"},
    [R_ECONOMIST] = {NULL, "chief economist at $x"},
    [R_DOCTOR] = {NULL, "a doctor at $x"},
    [R_FIRE_CHIEF] = {"fire chief", "who heads the regional fire service"},
    [R_PLAYER] = {NULL, "the $x captain"},
    [R_FAN] = {NULL, "a $e and $x supporter"},
    [R_WORKER] = {NULL, "a $a-year-old $e who joined the walkout"},
    [R_CHAIR] = {"$x chair$g", "chair$g of $x"},
};

/* Splits a space-separated list once, at start; the strings are kept for
 * the whole run. */
gen_list list_split(const char *words)
{
    gen_list l = {0};
    size_t n = strlen(words);
    char *s = malloc(n + 1);
    memcpy(s, words, n + 1);
    int cap = 16;
    l.w = malloc(sizeof *l.w * (size_t)cap);
    for (char *p = s; *p;) {
        while (*p == ' ') p++;
        if (!*p) break;
        char *start = p;
        while (*p && *p != ' ') {
            if (*p == '_') *p = ' ';
            p++;
        }
        if (*p) *p++ = '\0';
        if (l.n == cap) l.w = realloc(l.w, sizeof *l.w * (size_t)(cap *= 2));
        l.w[l.n++] = start;
    }
    return l;
}

gen_list list_of(const char *const *arr)
{
    gen_list l = {(const char **)arr, 0};
    while (arr[l.n]) l.n++;
    return l;
}
