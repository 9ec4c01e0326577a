"""Entity resolution's wording rules (kg/resolve/wordings/): tables of name pairs, each
(first, second, one node?), with the traps reviews and attacks found against a rule;
and each rule's example (`RULE_EXAMPLES`)."""

from __future__ import annotations

import pytest

from kg.resolve import join_keys, resolution_key

from .conftest import node_of


WORDING_VARIANTS = [  # (first, second, one node?): how machine-written names vary
    # a word of decline before "of" or "in" is its noun; a word of growth is not
    ("Shrinking of the Middle Class", "Shrinking Middle Class", True),
    ("Declining in Popularity", "Decline in Popularity", True),
    ("Growing of Vegetables", "Growth of Vegetables", False),
    # "+" and "#" closing a word name another thing (a review: C++ and C# were one node)
    ("C++", "C#", False),
    ("C++", "C", False),
    ("F#", "F", False),
    ("Disney+", "Disney", False),
    ("Disney+", "Disney Plus", True),
    ("#MeToo", "MeToo", True),
    ("A+ Rating", "Plus Rating", False),
    ("C++17", "C17", False),
    ("C++17", "C++ 17", True),
    ("Windows 10+", "Windows 10", True),
    ("Galaxy S23+", "Galaxy S23", False),
    ("Dependence on Technology", "Technological Dependence", True),
    ("Political Polarization", "polarization in politics", True),
    ("Economic Inequality", "inequality in the economy", True),
    ("Ukrainian National Guard", "National Guard of Ukraine", True),
    ("Addiction to Social Media", "social media addiction", True),
    ("Loneliness among young people", "young people loneliness", True),
    ("Collaboration between humans and AI", "Human-AI collaboration", True),
    ("US-China relations", "China-US Relations", True),  # the parties of a tie
    ("Public-Private Partnerships", "private-public partnership", True),
    ("Government-business relationship", "Business-Government Relationship", True),
    ("US-China relations", "China-US trade", False),
    ("Machine Learning Research", "Learning Machine Research", False),  # (no tie word)
    # a name's forms as written meet beside its rewritten ones ("utilization of" is "use of")
    ("Kinetic Energy Utilization", "Utilization of kinetic energy", True),
    ("Design driven by AI", "AI-driven design", True),
    ("Regulating AI", "AI regulation", True),
    ("Automating jobs", "job automation", True),
    ("Heat-Related Deaths", "heat deaths", True),
    ("Data Privacy Risks", "Data privacy concerns", True),
    ("Web 3.0", "Web3", True),
    ("Chat GPT", "ChatGPT", True),
    ("Impact of AI on Jobs", "AI's impact on jobs", True),
    ("Concerns about data privacy", "data privacy concerns", True),
    ("Reducing carbon emissions", "carbon emissions reduction", True),
    ("Growing inequality", "growth of inequality", True),
    ("Aging of the population", "population ageing", True),
    ("Ethical Use of AI", "Ethical AI Use", True),
    ("Combining Structured and Unstructured Data",
     "Combination of Structured and Unstructured Data", True),
    ("Agents based on LLMs", "LLM-based agents", True),
    ("Surveillance by foreign governments", "foreign government surveillance", True),
    ("E-bikes", "electric bikes", True),
    ("E-waste", "electronic waste", True),
    ("Ethical AI Usage", "Ethical Use of AI", True),
    ("Rapid Growth of Remote Work", "Rapid Remote Work Growth", True),
    ("Water usage in data centres", "water use in data centers", True),
    ("Trauma in Historical Context", "Historical Trauma", False),
    # ("X in ADJ context" is no "ADJ X", often a term: "historical trauma")
    ("Privacy in a Business Context", "business privacy", False),
    # an adjective of kg/lexicon/adjective-nouns.csv is the noun it is made from, against
    # a name as written
    ("Electoral Interference", "Election Interference", True),
    ("Statistical Literacy", "Statistics Literacy", True),
    ("Societal Operating Systems", "Society Operating Systems", True),
    ("Organisational Culture", "Organization Culture", True),
    ("Diagnostic Tools", "Diagnosis Tools", True),
    # ... not against a reordered name nor after a generic word is dropped; the table
    # holds no adjective of a quality, of a people, of another sense today, of a noun
    # of two fields, nor of a compound (a review's false joins)
    ("Surgical Strikes", "Strikes in Surgery", False),
    ("Historical Fiction", "History in Fiction", False),
    ("Chinese Tariffs", "Tariffs on China", False),
    ("EU Strategic Technology", "EU Strategy", False),
    ("strategic technology", "strategy", False),
    ("Agricultural Technologies in Africa", "Agriculture in Africa", False),
    ("Sustainable Fashion", "sustainability in fashion", False),
    ("Generational Mix", "Generation Mix", False),
    ("Quantized Models", "Quantum Models", False),
    ("Frictionless Payments", "Friction in Payments", False),
    ("Nitric Oxide", "Nitrogen Oxides", False),
    ("Colorectal Cancer", "Colon Cancer", False),
    ("Economic Class", "Economy Class", False),
    ("Doctoral Training", "Doctor Training", False),
    ("Cellular Data", "Cell Data", False),
    # a leading adjective meets a reordered name with the noun its ending gives; the
    # table's noun only a name as written ("parliamentary scrutiny" is no scrutiny of
    # parliament), and not where a name writes the adjective as a noun; no "X-ing of Y"
    # as "X-ing Y"
    ("Political Corruption", "corruption in politics", True),
    ("Parliamentary Scrutiny", "Scrutiny of Parliament", False),
    ("Presidential Pressure", "Pressure on the President", False),
    ("Ministerial Criticism", "Criticism of Ministers", False),
    ("Russian Scrutiny", "Scrutiny of Russia", False),  # (a people's adjective neither)
    ("Societal Pressure", "Pressure on Society", False),
    ("Company Financials", "Company Finance", False),
    ("Tracking of Devices", "Tracking Devices", False),
    # a people's adjective meets "X of Y" and "X in Y", not "in" after people who move
    # or things done to a place, nor "on"
    ("Indian Elections", "Elections in India", True),
    ("Ukrainian Refugees", "Refugees in Ukraine", False),
    ("Japanese Investment", "Investment in Japan", False),
    ("Russian Cyberattacks", "Cyberattacks on Russia", False),
    ("African Americans", "Americans in Africa", False),
    ("Russian Invasion", "Invasion of Russia", False),
    ("Russian Intervention", "Intervention in Russia", False),
    ("Ukrainian Independence", "Independence of Ukraine", True),
    # ... nor in a name of its own (kg/lexicon/fixed-names.csv), but a place's feature is
    # the place's
    ("American Football", "Football in America", False),
    ("Siamese Twins", "Twins in Siam", False),
    ("Japanese Beetles", "Beetles in Japan", False),
    # a generic last word after one word only when that word is coined or an acronym;
    # "effect" and "phenomenon" after two words or more (a review's false joins)
    ("Blockchain Technology", "Blockchain", True),
    ("AI Technology", "AI", True),
    ("Health Technology", "Health", False),
    ("Climate Tech", "Climate", False),
    ("Greenhouse Effect", "Greenhouses", False),
    ("Urban Heat Island Effect", "Urban Heat Islands", True),
    # one preposition for another only among of, in, for (a review's false joins)
    ("Decline of Birth Rates", "Decline in Birth Rates", True),
    ("Funding for Research", "Funding of Research", True),
    ("Work with AI", "Work on AI", False),
    ("Investment with AI", "Investment in AI", False),
    # "X in Y" is "X Y" as written, never "Y in X"
    ("Blockchain in Supply Chains", "Blockchain Supply Chains", True),
    ("AI in Cybersecurity", "Cybersecurity in AI", False),
    ("Ethics in AI", "AI in Ethics", False),
    ("Korean Peninsula", "Peninsula of Korea", True),
    ("Russian Orthodox Church", "Orthodox Church in Russia", True),
    ("Texan Elections", "Elections in Texas", True),
    # "AI-generated" media are AI's, as "AI-driven" tools are
    ("AI-generated art", "AI art", True),
    ("AI-Generated Images", "AI images", True),
    ("AI-Generated Films", "AI Films", False),  # (films about AI)
    ("Computer-Generated Music", "computer music", False),
    ("AI-assisted writing", "AI writing", False),
    ("AI-generated Research", "AI Research", False),  # (only what is seen or heard)
    ("Patient-generated Data", "patient data", False),
    # traps: an adjective is not the noun it looks made from unless the other name puts
    # that noun after a preposition; an -ing noun is not its verb's noun; versions differ
    ("Organic Farming", "organ farming", False),
    ("Digital Marketing", "digit marketing", False),
    ("Marketing Automation", "automation market", False),
    ("Web 3.0.1", "Web 3.1", False),
    ("Web 4.0", "Web3", False),
    ("Data Privacy Risks", "Data Security Risks", False),
    ("Data Privacy Risks", "data privacy", False),
    ("Impact of AI on Jobs", "AI impact on education", False),
    ("Luxury to Budget", "Budget to Luxury", False),
    ("Ethical Use of AI", "Ethical AI", False),
    ("Events", "electric vents", False),
    # (found by a review of these rules)
    ("Native advertising", "National advertising", False),
    ("Executive order", "Order of execution", False),
    ("Current value", "Value of the currency", False),
    ("Organic waste", "Waste of organs", False),
    ("Developing countries", "Development of countries", False),
    ("Operating system", "System operation", False),
    ("Text-to-image", "image text", False),
    ("Business to consumer", "consumer business", False),
    ("Privacy by design", "design privacy", False),
    ("Mini LED TVs", "Mini TVs", False),
    ("Market risk", "Market concerns", False),
    ("Cellular Automata in Historical Context", "Cellular Automata", False),
    ("Context of historical cryptography", "Historical cryptography", False),
    ("Usage-based pricing", "use-based pricing", True),
    ("User data", "Use data", False),
    # a variant reordered: a generic last word dropped, then "X in Y" as "Y X"; never the
    # other way round (a reordered name keeps its generic word)
    ("Bias detection in AI systems", "AI bias detection", True),
    ("Technology in advertising", "Advertising", False),
    ("Remote working", "remote work", True),
    ("Working from home", "work from home", True),
    ("Working memory", "memory", False),
    # a first word of growth or decline before two words or more is one wording (before
    # one word it may be another thing: "rising powers", "increasing returns")
    ("Increasing Middle Manager Burnout", "Rising Middle Manager Burnout", True),
    ("Shrinking Middle Class in America", "Declining middle class in America", True),
    ("Increasing sea levels", "rise in sea levels", True),
    ("Soaring Housing Costs", "Rise in Housing Costs", True),
    ("Diminishing Marginal Returns", "Declining Marginal Returns", False),
    ("Governing AI", "AI Government", False),
    ("Regulating AI", "AI Regulation", True),
    ("Escalating Trade Tensions", "Growing Trade Tensions", True),
    ("Rising Interest Rates", "Falling Interest Rates", False),
    # (a review's false joins: a particle or fixed phrase after the word, "falling")
    ("Growing Up Online", "Rising Up Online", False),
    ("Growing Degree Days", "Increasing Degree Days", False),
    ("Falling Space Debris", "Decline in Space Debris", False),
    # "falling" is "declining" before what is measured only
    ("Falling Birth Rates", "Declining Birth Rates", True),
    ("Falling Prices", "Rising Prices", False),
    ("Falling Stars", "Declining Stars", False),
    # "at" reorders like "of"; a leading -ing word's noun stays before a second phrase;
    # "town of X" is X
    ("Attendance at Funerals", "funeral attendance", True),
    ("Declining Attendance at Funerals", "funeral attendance decline", True),
    ("Town of Viganella", "Viganella", True),
    ("City of London", "London", False),
    ("Village of the Damned", "The Damned", False),
    # (a review's false joins: "from" is no "for", "at scale" no name, a municipality
    # its government, a village named after a word)
    ("Investment in China", "Investment from China", False),
    ("Support for Parents", "Support from Parents", False),
    ("AI at Scale", "Scale AI", False),
    ("Life at Sea", "Sea Life", False),
    ("Municipality of Amsterdam", "Amsterdam", False),
    ("Village of Longevity", "Longevity", False),
    # two words around "and" either way before a shared head; a possessive without its
    # apostrophe
    ("Energy and Climate Policy", "Climate and Energy Policy", True),
    ("Food and Energy Prices", "Energy Prices", False),
    # (a review's false joins: a compound split, a direction turned)
    ("Social Media and Justice", "Social Justice and Media", False),
    ("Rise and Fall of Bitcoin", "Fall and Rise of Bitcoin", False),
    ("Mental Health Problems", "Mental Health Risks", False),
    ("Women's Health", "Womens Health", True),
    # (a review's false joins: a company named after a word is not the word)
    ("News Corp", "news", False),
    ("Visa Inc.", "visas", False),
    ("National Grid plc", "national grid", False),
    # a last word that adds nothing after two words or more
    ("Gene Editing Techniques", "gene editing", True),
    ("Carbon Accounting Methods", "carbon accounting", True),
    ("Scientific Method", "Scientific", False),
    # (a review's false joins of other last words: a remedy, a negotiation, a behaviour,
    # a framing are not what they are about)
    ("Climate Change Solutions", "Climate Change", False),
    ("Middle East Peace Process", "Peace in the Middle East", False),
    ("Ethical AI Practices", "Ethical AI", False),
    ("Public Health Approach", "Public Health", False),
    # (a review's false joins: a named problem is no worry, an addiction no risk)
    ("AI Control Problem", "AI Control Concerns", False),
    ("Online Gambling Problems", "Online Gambling Risks", False),
    # spacing inside a variant, as between whole names ("homeschooling" / "home-schooling")
    ("Rise of Homeschooling", "Growing Home-Schooling", True),
    ("Videogame Addiction", "Addiction to Video Games", True),
    ("Ultra-Processed Food Consumption", "Consumption of Ultraprocessed Foods", True),
    ("Zero-Day Exploits", "0-Day Exploits", True),
    ("Rise of Homeschooling", "Decline of Home-Schooling", False),
    # (only words next to each other as written: a review's false joins)
    ("Employment in the UN", "Unemployment", False),
    ("Man-in-the-Middle", "Middlemen", False),
    ("Pets in Cars", "Carpets", False),
    ("Forces at Work", "Workforce", False),
    ("Warming of 1.5 Degrees", "15 Degree Warming", False),
    ("China's Chang'e Program", "Change Program in China", False),
    ("Re-Creation of Historic Sites", "Recreation at Historic Sites", False),
    ("Reuse of Materials", "Material Re-Use", True),
    ("Co-operation of Banks", "Bank Cooperation", True),
    ("Users of GPT-4", "GPT4 Users", True),
    # a measure's change as its rise or decline
    ("Rising Electricity Prices", "Electricity Price Increases", True),
    ("Price Hikes", "Rising Prices", True),
    ("Funeral Attendance Drop", "Declining Funeral Attendance", True),
    ("Trust Fall", "Falling Trust", False),
    ("Price Increases", "Declining Prices", False),
    # a last number, or one after a word that numbers, as its digits
    ("Artemis II", "Artemis 2", True),
    ("Type I Diabetes", "Type 1 Diabetes", True),
    ("Stage Four Cancer", "Stage 4 Cancer", True),
    ("Generation X", "Generation 10", False),
    ("President Xi", "President 11", False),
    ("One Health", "1 Health", False),
]


def test_wording_variants_are_one_node_and_traps_are_not():
    node = node_of(WORDING_VARIANTS)
    decided = [(first, second, node(first) == node(second)) for first, second, _ in WORDING_VARIANTS]
    assert decided == WORDING_VARIANTS


# (first, second, one node?) for the prepositions, derivations and spellings of the
# twentieth session, with the traps its review wrote (each pair its own corpus)
PREPOSITIONS_AND_DERIVATIONS = [
    # "toward" is "to", as written only
    ("Shift Towards Plant-Based Diets", "Shift to Plant-Based Diets", True),
    ("Attitudes toward AI", "Attitudes to AI", True),
    ("Violence towards the Police", "Police Violence", False),
    ("Exodus toward Big Cities", "Big City Exodus", False),
    # a backlash against a thing, what comes from a source: "Y X" as written
    ("Backlash Against AI", "AI backlash", True),
    ("Pushback against ESG", "ESG Pushback", True),
    ("Pollution from Plastics", "Plastic Pollution", True),
    ("Smoke from Wildfires", "Wildfire Smoke", True),
    ("Emissions from Shipping", "Shipping Emissions", True),
    ("Textile Waste from Fast Fashion", "Fast-Fashion Textile Waste", True),
    ("Waste Heat from Data Centres", "Data Centre Waste Heat", True),
    ("Backlash against Consumers", "Consumer Backlash", False),
    ("Backlash against the Media", "Media Backlash", False),
    ("Backlash against Big Tech", "Big Tech Backlash", False),
    ("Revenue from Facebook", "Facebook Revenue", False),
    ("Campaign against Vaccination", "Vaccination Campaign", False),
    ("Protests against Farmers", "Farmer Protests", False),
    ("Bias against AI", "AI Bias", False),
    ("Imports from China", "China Imports", False),
    ("Aid from Ukraine", "Ukraine Aid", False),
    ("Migration from the Cloud", "Cloud Migration", False),
    ("Energy from Waste", "Waste Energy", False),
    ("Investment from China", "China Investment", False),
    # attacks on what attacks are not its attacks
    ("Attacks on Drones", "Drone Attacks", False),
    ("Attacks on Sharks", "Shark Attacks", False),
    ("Cyberattacks on Hospitals", "Hospital Cyberattacks", True),
    # learned adjectives in -ical and -ic; not biological / biologic
    ("Hydrological Extremes", "Hydrologic Extremes", True),
    ("Geographical Indications", "Geographic Indications", True),
    ("Agricultural Biologicals", "Agricultural Biologics", False),
    ("Economical Cars", "Economic Cars", False),
    ("Historical Buildings", "Historic Buildings", False),
    # adjectives met by their nouns in a reordered name
    ("Algorithmic Bias", "Bias in Algorithms", True),
    ("Societal Polarization", "Polarization in Society", True),
    ("Algorithmic Transparency", "Transparency of Algorithms", True),
    ("Algorithmic Trading", "Trading by Algorithms", False),
    ("Algorithmic Trading", "Trading of Algorithms", False),
    ("Algorithmic Ranking", "Ranking of Algorithms", False),
    ("Societal Views", "Views on Society", False),
    # a coined verb's -ing before its object
    ("Reskilling Workers", "Worker Reskilling", True),
    ("Decarbonising Steelmaking", "Steelmaking Decarbonisation", True),
    ("Digitalising Public Services", "Digitalisation of Public Services", True),
    ("Crowdfunding Platforms", "Platform Crowdfunding", False),
    ("Gatekeeping AI", "AI Gatekeeping", False),
    # (not kept: "by" before one word reads who acts and who is acted on alike, a link
    # word inside a name, "trend" as a generic word: a review's false joins)
    ("Regulation by Platforms", "Platform Regulation", False),
    ("Risk of Heat-Related Death", "Risk of Heat Death", False),
    ("Stock Market Trend", "Stock Market", False),
    # "the N of M" closing a longer name
    ("Storytelling as a Tool for the Ethics of AI", "Storytelling as a Tool for AI Ethics",
     True),
    ("Investment in the Impact of AI", "Investment in AI Impact", True),
    ("Concerns about the Future of Oil", "Concerns about Oil Futures", False),
    ("Pride in the Ethics of Work", "Pride in Work Ethics", False),
    ("Role of the Bank of England", "Role of England Bank", False),
    ("Concerns about the Cost of Capital", "Concerns about Capital Costs", False),
    # (not kept: a reordered name's adjective as its noun, "-ate" as "-ation": a review's
    # false joins, "rise in presidential pressure" / "rising pressure on the president",
    # "moderate views" / "views on moderation")
    ("Declining Trust in Politics", "Decline in Political Trust", False),
    ("Rise in Presidential Pressure", "Rising Pressure on the President", False),
    ("Moderate Views", "Views on Moderation", False),
    # ordinals as numbers; a word of growth with no other sense before one word; a link
    # word dropped only as written (AI-powered hacking is no hacking of AI)
    ("Fourth Industrial Revolution", "4th Industrial Revolution", True),
    ("Skyrocketing Rents", "Rising Rents", True),
    ("AI-Driven Tools", "AI Tools", True),
    ("AI-Powered Hacking", "Hacking of AI Systems", False),
    ("Czechia", "Czech Republic", True),
    ("Dubbing with AI", "AI Dubbing", True),
    ("Patients with Cancer", "Cancer Patients", True),
    ("Holiday Lets", "Vacation Rentals", True),
    # "the Fed"; congestion charging and pricing
    ("the Fed", "Federal Reserve", True),
    ("London Congestion Charging", "London Congestion Pricing", True),
    # "booming" before what an economy measures (a review's traps: rising stars, the
    # booming of guns and birds); "emergence", "popularity" and "a number of" are no
    # "rise" (first appearance, support, the things one by one)
    ("Booming Creator Economy", "Growth of the Creator Economy", True),
    ("Booming Rap Stars", "Rising Rap Stars", False),
    ("Booming Artillery Fire", "Rising Artillery Fire", False),
    ("Emergence of Supermassive Black Holes", "Growth of Supermassive Black Holes", False),
    ("Growing Popularity of Tariffs", "Increase in Tariffs", False),
    ("Growing Number of Rising Stars", "Rising Stars", False),
    ("Impact of Tariffs on Consumer Prices", "Tariffs' Effect on Consumer Prices", True),
    ("Buying Pre-Owned Clothing", "Purchasing Pre-Owned Clothes", True),
    # a person's office, a law's country (not kings, princes, generals: places, firms)
    ("Prime Minister Narendra Modi", "Narendra Modi", True),
    ("Senator Beto O'Rourke", "Beto O'Rourke", True),
    ("Dr. John Dee", "John Dee", True),
    ("Professor Geoffrey Hinton", "Geoffrey Hinton", True),
    ("Doctor Who Fandom", "Who Fandom", False),  # (no "Doctor": a title of works)
    ("Sir Walter Raleigh Hotel", "Walter Raleigh Hotel", False),
    ("CEO Pay Gap", "Pay Gap", False),
    ("Premier League Football", "League Football", False),
    ("Governor Nelson State Park", "Nelson State Park", False),
    ("Ambassador Bridge Blockade", "Bridge Blockade", False),
    ("Prince Edward Island", "Edward Island", False),
    ("General Electric Company", "Electric Company", False),
    ("US Inflation Reduction Act", "Inflation Reduction Act", True),
    # no company before its legal form: "UK plc", "Japan Inc." are a country, "Siemens
    # PLC" a controller (a review's traps of a rule tried and dropped)
    ("Calbee Inc.", "Calbee", False),
    ("UK plc", "UK", False),
    ("Japan Inc.", "Japan", False),
    # ... tried again with guards and dropped: an attack of 470 pairs found namesakes,
    # acronyms of other things and forms that are no legal form
    ("Apache Corp.", "Apache", False),
    ("Genomics plc", "Genomics", False),
    ("5G SA", "5G", False),
    ("EU Inc.", "EU", False),
    # (a review's traps of two rules tried and dropped: a second phrase after any
    # preposition kept last, "Y's from Z" read as the whole name's; who acts, an -ing
    # word and what it acts on as the action's noun, the -ing word read as a verb)
    ("Ban on Imports from Russia", "Import Ban from Russia", False),
    ("Removal of Posts by Politicians", "Post Removal by Politicians", False),
    ("Pension Funding in the UK", "UK Pension Funds", False),
    ("Market Sharing in the Cement Industry", "Market Share in the Cement Industry", False),
    ("Soil Healing in Africa", "African Soil Health", False),
    ("Energy Rating for Homes", "Energy Rationing for Homes", False),
    ("Rotting Crops", "Crop Rotation", False),  # (a short verb's guessed noun)
    ("Banning TikTok", "TikTok Ban", True),
    ("Taxing Carbon", "Carbon Taxation", True),
    ("Political Advertisements", "Political Advertising", True),
    # "shifting" is "changing" before what changes (not what is moved elsewhere);
    # transportation is transport (but the US department keeps its name)
    ("Shifting Narratives on Gender", "Changing Gender Narratives", True),
    ("Shifting Baseline Syndrome", "Changing Baseline Syndrome", False),
    ("Shifting Cultivation Practices", "Changing Cultivation Practices", False),
    ("Shifting Energy Demand", "Changing Energy Demand", False),
    ("Sustainable Transportation", "sustainable transport", True),
    ("Department of Transportation", "Department of Transport", False),
    ("Transportation Secretary", "Transport Secretary", False),
    ("Shifting Cultivation Patterns", "Changing Cultivation Patterns", False),
    # an acronym in capitals ending in S is no plural
    ("CLPS", "Commercial Lunar Payload Services", True),
    ("SARS Outbreak", "SAR Outbreak", False),
    ("AIDS", "Aid", False),
    # an adjective of a quality is no "of the noun" (but one of relation is)
    ("Physical Education", "Education in Physics", False),
    ("Natural Experiments", "Experiments in Nature", False),
    ("Natural Laws", "Laws of Nature", True),  # (... but of "of")
    ("Political Polarization", "Polarization in Politics", True),
    # an -ing word of an activity before what serves it is no verb of it (found in a
    # review's side note: these were one node)
    ("Boarding Schools", "School Boards", False),
    ("Shipping Containers", "Container Ships", False),
    ("Farming Robots", "Robot Farms", False),
    ("Regulating AI", "AI Regulation", True),
    # (a review's traps of two rules tried and dropped: an -ing noun as "X-ing of Y", a
    # verb between doer and object as its noun last)
    ("Testing Agents", "Testing of Agents", False),
    ("Learning Machines", "Machine Learning", False),
    ("Police Preventing Violence", "Police Violence Prevention", False),
    ("Students Evaluating Teachers", "Student Teacher Evaluation", False),
    # a name and what it is, in parentheses, is the name (a review: "Sora (video model)")
    ("Sora (video model)", "Sora", True),
    # an acronym in parentheses stands for the words it abbreviates only: "(AI)" after
    # "Rise of Artificial Intelligence" makes no "AI in AEC" (batch 11's false join)
    ("Rise of Artificial Intelligence (AI) in AEC", "AI in AEC", False),
    ("Rise of Artificial Intelligence (AI) in AEC", "Rise of AI in AEC", True),
    ("Increasing Adoption of Building Information Modeling (BIM)", "BIM", False),
    ("Rise of the Internet of Things (IoT)", "Rise of the IoT", True),
    ("First-Person View (FPV) Drones", "FPV Drones", True),
    # ... letters that abbreviate, not initials; or no run of last words at all (a
    # review's false joins)
    ("Bans on Generative AI (GenAI) Tools", "GenAI Tools", False),
    ("Bans on Generative AI (GenAI) Tools", "Bans on GenAI Tools", True),
    ("Decline of Augmented and Virtual Reality (AR/VR) Headsets", "AR/VR Headsets", False),
    # (what institutions do is not done to them: a review's trap)
    ("Declining Institutional Investment", "Declining Investment in Institutions", False),
    # company names keep their words: the sector is not TSMC
    ("Taiwan Chip Manufacturing", "Taiwan Semiconductor Manufacturing", False),
    ("Group Buying", "Group Purchasing", False),
    # (the twelfth blind batch's tune half) a last "growth" after two words is a rise
    # (not after one: "plant growth" is no rise of plants); a move toward a thing is a
    # shift; an -ic adjective's noun in -ia (academic / academia), not a noun's ("medic")
    ("Brand Publishing Growth", "Rise of Brand Publishing", True),
    ("Electric Vehicle Market Growth", "Rise of the Electric Vehicle Market", True),
    ("Plant Growth", "Rise of Plants", False),
    ("Move Toward Digital Payments", "Shift towards Digital Payments", True),
    ("Transition to Renewable Energy", "Shift to Renewable Energy", True),
    ("Humor in Academia", "Academic Humour", True),
    ("Nostalgic Marketing", "Marketing of Nostalgia", True),
    ("Medic Training", "Training in Media", False),
    # two prepositions of other roles are two things, though each name reorders as "Y
    # X" (who is acted on, who acts: a twelfth batch trap); of / in / for, to / toward
    # and to / for name one
    ("Impact on Jobs", "Impact of Jobs", False),
    ("Indifference of Historical Forces", "Indifference to Historical Forces", False),
    ("Pressure on Big Technology Firms", "Pressure from Big Technology Firms", False),
    ("Demand for Clean Energy", "Demand of Clean Energy", True),
    ("Quality Control of AI-Generated Content", "Quality Control in AI-Generated Content", True),
    ("Military Aid to Ukraine", "Military Aid for Ukraine", True),
    # the leading adjective of "ADJ X of Y" stays X's, never Y's (false joins of the
    # twelfth blind batch's holdout half), unless the lexicon writes it as a noun
    ("Regional Expansion of Cuisine", "Expansion of Regional Cuisines", False),
    ("Organic Growth in Retail", "Growth of Organic Retail", False),
    ("Ethical Use of AI", "Use of Ethical AI", False),
    ("Ethical Use of AI", "Ethical AI Use", True),
    ("Insufficient Funding for Research", "Lack of research funding", True),
    # a living thing's growth is no rise of it (a review of growth_as_rise)
    ("Indoor Plant Growth", "Rise of Indoor Plants", False),
    ("Facial Hair Growth", "Rise of Facial Hair", False),
    ("Coral Reef Growth", "Rise of Coral Reefs", False),
    ("Cancer Cell Growth", "Rise of Cancer Cells", False),
    ("Remote Work Growth", "Rise of Remote Work", True),
    # "expansion" last, after two words, is growth (not of one word: a policy), and "X
    # shifts" after two words a change (not a period of work); "erosion of" a decline
    ("Gig Economy Expansion", "Growth of the Gig Economy", True),
    ("Medicaid Expansion", "Medicaid Growth", False),
    ("State Medicaid Expansion", "State Medicaid Growth", False),
    ("Heathrow Airport Expansion", "Heathrow Airport Growth", False),
    ("Stock Market Expansion", "Stock Market Growth", False),
    ("Expansion of NATO", "Rise of NATO", False),
    ("Regional Demographic Shifts", "Regional Demographic Changes", True),
    ("Late Night Shift", "Late Night Change", False),
    ("Health Care Cost Shift", "Health Care Cost Change", False),
    ("Hospital Nursing Shifts", "Hospital Nursing Changes", False),
    ("Vibe Shift", "Vibe Change", False),
    ("Erosion of Public Trust", "Decline in Public Trust", True),
    ("Coastal Erosion", "Coastal Decline", False),
    ("Erosion of Voter Trust", "Voter Trust", False),
    ("Erosion of Coastal Towns", "Decline of Coastal Towns", False),
    # an adjective of place-adjectives.csv meets "X of the place" only, never a fixed name
    ("Thai Government", "Government of Thailand", True),
    ("Norwegian Sovereign Wealth Fund", "Sovereign Wealth Fund of Norway", True),
    ("Spanish Flu", "Flu in Spain", False),
    ("Chinese Medicine", "Medicine in China", False),
    ("Chinese EVs", "EVs in China", False),
    ("Swiss Cheese Model", "Cheese Model of Switzerland", False),
    ("Turkish Coffee", "Coffee of Turkey", False),
    ("Swiss Banks", "Banks of Switzerland", False),
    ("Mauritanian Fisheries", "Fisheries of Mauritius", False),
    ("Public Opinion of China", "Chinese Public Opinion", False),
    ("Views of Israel", "Israeli Views", False),
    ("Victims of Israel", "Israeli Victims", False),
    ("Takeover of China", "Chinese Takeover", False),
    ("Media Coverage in India", "Indian Media Coverage", True),
    ("Shifting Power Dynamics", "Changing Power Dynamics", True),
    ("Climate Policy Shift", "Climate Policy Change", True),
]


# (names of one corpus, the pair kept apart, the name the ambiguous third joins): a
# third name that reads either way joins one reading, never both (a review: whether the
# pair stayed apart hung on which name sorted first)
KEPT_APART_THROUGH_A_THIRD = [
    (("impact on AI", "impact of AI", "AI impact"), "impact of AI"),
    (("impact on jobs", "impact of jobs", "job impact"), "impact of jobs"),
    (("Impact on Agriculture", "Impact of Agriculture", "agriculture impact"),
     "Impact of Agriculture"),
    (("Regional Expansion of Cuisine", "Expansion of Regional Cuisines",
      "Regional Cuisine Expansion"), "Expansion of Regional Cuisines"),
    # (a second review: one reading written with a synonym)
    (("effect on AI", "impact of AI", "AI impact"), "effect on AI"),  # (the first met)
    # (a third review: one reading with its acronym spelled out, the corpus declaring it;
    # the reordering as written is met before the acronym is spelled out)
    (("impact on AI", "Impact of Artificial Intelligence", "AI impact",
      "Artificial Intelligence (AI)"), "impact on AI"),
    (("Impact of Artificial Intelligence", "impact on AI", "AI impact",
      "Artificial Intelligence (AI)"), "impact on AI"),
    (("Pressure on EVs", "Pressure of Electric Vehicles", "EV pressure",
      "Electric Vehicles (EVs)"), "Pressure on EVs"),
]


@pytest.mark.parametrize("names, reading", KEPT_APART_THROUGH_A_THIRD)
def test_two_readings_stay_apart_whatever_reads_as_both(names, reading):
    joined = join_keys([("concern", name) for name in names])

    def node(name):
        key = resolution_key(name)
        return joined.get(key, key)
    first, second, third, *_ = names  # (then any other names of the corpus)
    assert node(first) != node(second)
    assert node(third) == node(reading)


@pytest.mark.parametrize("table", ["PREPOSITIONS_AND_DERIVATIONS", "TRAP_HUNT", "QUALITIES",
                                   "IMPACTS_AND_ACTS", "GENERIC_WORDS_AND_FRAMES"])
def test_prepositions_and_derivations_join_what_they_name_alike(table):
    pairs = globals()[table]
    decided = []
    for first, second, same in pairs:
        node = node_of([(first, second, same)])
        decided.append((first, second, node(first) == node(second)))
    assert decided == pairs


# (first, second, whether one node) for the table of synonyms (kg/lexicon/synonyms.csv)
SYNONYMS = [
    ("driverless cars", "autonomous vehicles", True),
    ("Over-Reliance on AI Tutors", "Overdependence on AI Tutors", True),
    ("Resurgence of Nuclear Power", "Revival of Nuclear Power", True),
    ("Gothic Revival", "Gothic Resurgence", False),
    ("Mobile Phone Penetration in Africa", "Smartphone Penetration in Africa", False),
    ("Seniors", "Older Adults", True),
    ("Monkeypox Vaccination", "Mpox Vaccination", True),
    ("Home Prices", "House Prices", True),
    ("US Home Price Index", "US House Price Index", False),
    ("Senior Engineers", "Older Adult Engineers", False),
    ("Hiring for Senior Roles", "Hiring for Older Adult Roles", False),
    # places renamed or spelled anew; British and American words
    ("Burma", "Myanmar", True),
    ("Kiev Metro", "Kyiv Metro", True),
    ("Türkiye", "Turkey", True),
    ("Bangalore", "Bengaluru", True),
    # (a whole name only: inside a longer name the old name is another thing)
    ("Bombay Sapphire", "Mumbai Sapphire", False),
    ("Avian Flu in Turkeys", "Avian Flu in Türkiye", False),
    ("Petrol Prices", "gasoline prices", True),
    ("Macedonian Wine", "North Macedonian Wine", False),
    ("Self-Driving Vehicle Regulation", "autonomous vehicle regulation", True),
    ("food scarcity", "food shortage", True),
    ("internet fraud", "online fraud", True),
    ("Gen Z consumers", "Generation Z consumers", True),
    ("4-day week", "four-day work week", True),
    ("lab-grown meat", "cultivated meat", True),
    ("Women in Tech", "women in technology", True),
    ("COVID-19 pandemic", "Covid pandemic", True),
    ("Youth unemployment", "unemployment among young people", True),
    ("teen mental health", "Mental health of teenagers", True),
    ("Working from home", "remote work", True),
    ("Ghost Kitchens", "dark kitchens", True),
    ("Killer Robots", "Lethal Autonomous Weapons", True),
    ("myopia epidemic", "Nearsightedness Epidemic", True),
    ("Global Chip Shortage", "global semiconductor shortage", True),
    ("Public Transit", "Public Transportation", True),
    ("Self-Driving Trucks", "autonomous trucks", True),
    ("Rise of Robotaxis", "Rise of Driverless Taxis", True),
    ("Flying Taxis", "air taxis", True),
    ("Population Aging in Japan", "Japan's aging population", True),
    ("Self-Driving Labs", "Autonomous Laboratories", True),
    ("Driverless Lorries", "autonomous trucks", True),
    ("Aging of the Population", "Aging Population", True),
    ("Physician Shortage", "Shortage of Doctors", True),
    ("Youth Joblessness", "youth unemployment", True),
    ("Labor Force Participation", "Workforce Participation", True),
    ("Military Spending", "Defence Expenditure", True),
    ("Solar Parks", "Solar Farms", True),
    ("Carbon Capture and Sequestration", "Carbon Capture and Storage", True),
    ("Nuclear Arms Race", "Nuclear Weapons Race", True),
    ("Tech Giants", "Big Tech", True),
    ("Britain", "United Kingdom", True),
    ("climate change adaptation", "Climate Adaptation", True),
    ("Moon Exploration", "lunar exploration", True),
    ("student loan debt", "Student Debt", True),
    ("Great Britain", "United Kingdom", False),  # (the island, and Team GB, without NI)
    ("Russian Federation", "Russia", True),
    ("People's Republic of China", "China", True),
    ("Mental Health Problems", "mental health issues", True),
    ("Net-Zero Targets", "Net Zero Goals", True),
    ("Traffic Fatalities", "Road Deaths", True),
    ("Photovoltaic Modules", "Solar Panels", True),
    ("Sino-American Trade War", "US-China Trade War", True),
    ("Myocardial Infarction Risk", "heart attack risk", True),
    ("Gender Wage Gap", "gender pay gap", True),
    # (a review's false joins: job cuts are not all layoffs, a living wall is one kind
    # of green wall, a retirement income gap is a shortfall)
    ("Job Cuts", "Layoffs", False),
    ("Living Walls", "Green Walls", False),
    ("Retirement Income Gap", "Retirement income inequality", False),
    # (a review's false joins: products and laws named for kids, a profession that is
    # no doctor, a survey of that name)
    ("YouTube Kids", "Children on YouTube", False),
    ("Kids Code", "Children's Code", False),
    ("Physician Assistants", "Doctor's Assistants", False),
    ("Labour Force Survey", "Workforce Survey", False),
    # (a third review: the broader field, a related idea, the narrower part, a part)
    ("Speech Synthesis from Brain Signals", "Text-to-Speech from Brain Signals", False),
    ("Fuel Poverty", "energy poverty", False),
    ("Mass Transit Systems", "Public Transport Systems", False),
    ("Public Charging Points", "Public Charging Stations", False),
    # the frames machine-written names put around a phenomenon ("reliance on", "shift in")
    ("Reliance on Technology", "Technological Dependence", True),
    ("Dependency on AI", "Reliance on AI", True),
    ("Shift in Commuting Patterns", "Changes in commuting patterns", True),
    ("Utilization of AI tools", "Use of AI tools", True),
    ("Growth of remote work", "Increase in remote work", True),
    # (not expansion, proliferation: NATO's expansion is no rise of NATO; nor "X into
    # Y" as "X in Y": sewage into drinking water is no sewage in it; a review's traps)
    ("Expansion of NATO", "Rise of NATO", False),
    ("Sewage into Drinking Water", "Sewage in Drinking Water", False),
    ("Conversion of CO2", "Conversion into CO2", False),
    ("Expansion into Asia", "Rise in Asia", False),
    ("Resurgence of Vinyl", "Revival of Vinyl", True),
    ("Renewed Interest in Historical Algorithms", "Revival of Interest in Historical Algorithms", True),
    ("Revival of Vinyl", "Vinyl", False),
    ("Organ Transplant Waitlist Crisis", "Crisis of Organ Transplant Waiting Lists", True),
    ("Short-Form Video Dominance", "Dominance of Short Videos", True),
    ("Shift in Commuting Patterns", "Changing Commute Patterns", True),
    # "X using Y" is not "Y X": "AI governance" is the governance of AI (a review's traps)
    ("Governance using AI", "AI Governance", False),
    ("Risk Assessment using AI", "AI Risk Assessment", False),
    ("Companies Using AI", "AI Companies", False),
    ("Expansion of Data Centres", "Data Centres", False),
    ("Growing demand for local food.", "Rising demand for local food.", True),
    ("The growing awareness of climate risks.", "Increased awareness of climate risks", True),
    ("Emphasis on sustainability", "Focus on sustainability", True),
    ("Increasing competition for talent", "Rising competition for talent", True),
    ("Twenty-Minute City Concept", "20-Minute City Concept", True),
    ("Four-Day Week", "4-Day Week", True),  # (the lexicon's rows write it in words)
    ("four-day workweek", "4-day week", True),
    ("Twenty-Four-Hour News", "24-hour news", True),
    ("One Hundred Years of Solitude", "100 Years of Solitude", True),
    ("Emergence", "Rise", False),
    # (a second review's false joins: a word of growth alone, "emergence of", numbers
    # away from units of time, kitchens and clothes of another kind)
    ("Increasing Complexity", "Emergence of Complexity", False),
    ("Emergence of COVID-19", "Increase in COVID-19", False),
    ("Rising Powers", "Increased Powers", False),
    ("Increasing Returns", "Rising Returns", False),
    ("Rising Damp", "Increased Damp", False),
    ("Three-Body Problem", "3 Body Problem", False),
    ("Air Force One", "Air Force 1", False),
    ("Virtual Kitchen", "Ghost Kitchen", False),
    ("Clothes Line", "Clothing Line", False),
    ("Electric Car Adoption in India", "Electric Vehicle Adoption in India", False),
    ("Impact of Automation on Employment", "automation's impact on jobs", True),
    ("Lack of affordable housing", "affordable housing shortage", True),
    ("Struggles in AI adoption", "AI adoption challenges", True),
    ("Advances in solar technology", "Advancements in Solar Technology", True),
    ("Vaccine Uptake", "vaccine adoption", True),
    ("Insufficient Funding for Research", "Lack of research funding", True),
    ("Sleep Deprivation", "Lack of Sleep", True),
    ("Attention Deficit", "Lack of Attention", False),
    # (a review's false joins of "deficiency" and "absence of" as "lack of")
    ("Insulin Deficiency", "Insulin Shortage", False),
    ("Absence of Teachers", "Teacher Shortage", False),
    # ... never a frame for its opposite or a neighbour
    ("Rise of remote work", "Decline of remote work", False),
    ("Growing demand for local food.", "Declining demand for local food.", False),
    ("Dependence on AI", "Use of AI", False),
    # ... nor the words alone, which have other meanings (a review's false joins)
    ("climate change", "climate shift", False),
    ("Regime Shift", "Regime Change", False),
    ("Shift Work", "Changes in Work", False),
    ("Change Management", "Shift Management", False),
    ("Storm Surge", "Increase in Storms", False),
    ("emergence", "growth", False),
    ("Learning Difficulties", "Challenges in Learning", False),
    ("AI Jobs", "Employment of AI", False),
    ("Software Dependencies", "Reliance on Software", False),
    ("Drug Utilization", "Drug Use", False),
    ("Advance Care Planning", "Advancements in Care Planning", False),
    ("Spread of Cancer Cells", "Cancer Cell Proliferation", False),
    ("Growing Cannabis", "Rise of Cannabis", False),
    ("TikTok Challenges", "TikTok's Struggles", False),
    # neighbours and broader terms are not synonyms; only the listed wordings are
    ("misinformation", "disinformation", False),
    ("telehealth", "telemedicine", False),
    ("e-commerce", "online shopping", False),
    ("power dynamics", "energy dynamics", False),
    ("internet", "online", False),
    ("climate change", "global warming", False),
    # British and American words for voting by post; the box office's takings; power
    # prices are electricity prices (the thirty-first session, from a blind batch's
    # tune half)
    ("Mail-In Ballots", "Postal Votes", True),
    ("Voting by Mail", "Mail-in Voting", True),
    ("Postal Votes", "Postal Voting", False),
    ("Box Office Revenue", "box-office takings", True),
    ("Negative Power Prices", "Negative Electricity Prices", True),
    ("Power Bills", "Electricity Bills", True),
    ("Power Prices", "Energy Prices", False),
    ("Driver-Centric Policy Adaptation", "Driver-Centred Policy Adaptation", True),
    ("Human-Centric AI", "Human-Centered AI", True),
    ("Eurocentric History", "European History", False),
    # Trend frames (the thirty-fifth session): proliferation of X as its rise (not
    # emergence, popularity nor a number's growth: above), a fall or drop in X as its decline,
    # dwindling, plummeting, waning X as declining, mounting debt or pressure as rising;
    # and the rise of a whole phrase ("decline in trust in science")
    ("Proliferation of AI Agents", "Rise of AI Agents", True),
    ("Declining Birth Rates", "Fall in Birth Rates", True),
    ("Declining Birth Rates", "Drop in Birth Rates", True),
    ("Slump in Car Sales", "Declining Car Sales", True),
    ("Fall in Trust in Government", "Declining Trust in Government", True),
    # ... a fall in a measure only (an attack's false joins)
    ("Falls in Older Adults", "Decline in Older Adults", False),
    ("Drop-in Clinics", "Declining Clinics", False),
    ("Fall in Love with AI", "Decline in Love with AI", False),
    ("Drop in the Ocean", "Ocean Decline", False),
    ("Dwindling Bee Populations", "Declining Bee Populations", True),
    ("Waning Trust in Media", "Declining Trust in Media", True),
    ("Mounting Household Debt", "Growing Household Debt", True),
    ("Mounting Pressure on Hospitals", "Rising Pressure on Hospitals", True),
    ("Diminishing Trust in Science", "Decline in Trust in Science", True),
    ("Rise of Remote Work in Finance", "Rising Remote Work in Finance", True),
    # ... a frame is not the thing, nor mounting what is mounted, nor a growth what grows
    ("Proliferation of Drones", "Drones", False),
    ("Mounting Wall Brackets", "Rising Wall Brackets", False),
    ("Mounting Hardware Costs", "Rising Hardware Costs", False),
    ("Rising Rents", "Rent Increases", True),
    ("Falling Life Expectancy", "Declining Life Expectancy", True),
    ("Mounting Death Toll", "Rising Death Toll", True),
    ("Tax Increases", "Rising Taxes", True),
    ("Mounting Concern over AI", "Rising Concern over AI", True),
    ("Dwindling Job Offers", "Declining Job Offers", False),
    ("Dwindling Fish Stocks", "Declining Fish Stocks", True),
    ("Waning Immunity", "Declining Immunity", True),
    ("Waning Immunity", "Immunity", False),
    ("Better Regulation Guidelines", "Improved Regulation Guidelines", False),
    ("Decline in Trust in Science", "Trust in Science", False),
    # an effect is a generic last word after a phenomenon's common words, not after a
    # name (trap hunts' false joins; two attacks)
    ("Urban Heat Island Effect", "Urban Heat Islands", True),
    ("Heat Island Effect", "heat islands", True),
    ("Filter Bubble Effect", "Filter Bubble", True),
    ("Crowding Out Effect", "Crowding Out", True),
    ("Taylor Swift Effect", "Taylor Swift", False),
    ("Caitlin Clark Effect", "Caitlin Clark", False),
    ("Dunning-Kruger Effect", "Dunning-Kruger", False),
    # "better" as "improved" first, before two words or more
    ("Better Customer Service", "Improved Customer Service", True),
    ("Better Employee Well-Being", "Improved Employee Wellbeing", True),
    ("Enhanced Games", "Better Games", False),
    ("Better Working Conditions", "Improved Working Conditions", True),
    ("Better Business Bureau", "Improved Business Bureau", False),
    ("Better Care Fund", "Improved Care Fund", False),
    ("Better-Paid Jobs", "Improved Paid Jobs", False),
    ("Park Cool Island Effect", "Park Cool Islands", True),
    ("El Nino Effect", "El Nino", False),
]


def test_synonyms_join_only_the_wordings_of_the_table_and_keep_the_preferred_one():
    node = node_of(SYNONYMS, "technology")
    assert [(a, b, node(a) == node(b)) for a, b, _ in SYNONYMS] == SYNONYMS
    assert node("driverless cars") == "autonomous vehicle"
    assert node("Gen Z consumers") == "generation z consumer"


# (first, second, one node?) for a quality's adjective as its noun last and a gap's
# widening as its growth (the thirty-first session), with two reviews' traps: 986 pairs
# written against the rule found the adjectives that also name a kind of thing, a
# category or a fixed term, or whose noun names another thing (each pair its own
# corpus).
QUALITIES = [
    ("Resilient Supply Chains", "Supply Chain Resilience", True),
    ("Resilient Cities", "Resilience of Cities", True),
    ("Affordable Housing", "Housing Affordability", True),
    ("Reusable Rockets", "Rocket Reusability", True),
    ("Explainable AI", "AI Explainability", True),
    ("Fragile States", "State Fragility", True),
    ("Traceable Supply Chains", "Supply Chain Traceability", True),
    ("Reproducible Research", "Reproducibility of Research", True),
    ("affordable housing", "housing affordability", True),
    # ... not an adjective whose noun names another thing, nor whose noun's "X" has the
    # quality otherwise (a second review's false joins)
    ("Vacant Hospitals", "Hospital Vacancies", False),
    ("Available Credit", "Credit Availability", False),
    ("Relevant Market", "Market Relevance", False),
    ("Accountable Tech", "Tech Accountability", False),
    ("Transparent Consumers", "Consumer Transparency", False),
    ("Volatile Organic Compounds", "Organic Compound Volatility", False),
    ("Portable Devices", "Device Portability", False),
    ("Fluent AI", "AI Fluency", False),
    ("Efficient Frontier", "Frontier Efficiency", False),
    ("Vulnerable Species", "Species Vulnerability", False),
    # ... not an adjective that also names a kind, a category or a fixed term
    ("Sustainable Debt", "Debt Sustainability", False),
    ("Sustainable Aviation Fuel", "Aviation Fuel Sustainability", False),
    ("Sustainable Fashion", "Sustainability in Fashion", False),
    ("Variable Pay", "Pay Variability", False),
    ("Variable Costs", "Variability of Costs", False),
    ("Variable Renewable Energy", "Renewable Energy Variability", False),
    ("Mobile Workforce", "Workforce Mobility", False),
    ("Mobile Data", "Data Mobility", False),
    ("Latent Space", "Latency in Space", False),
    ("Latent Demand", "Demand Latency", False),
    ("Durable Goods", "Goods Durability", False),
    ("Tangible Assets", "Asset Tangibility", False),
    ("Convertible Bonds", "Bond Convertibility", False),
    ("Eligible Voters", "Voter Eligibility", False),
    ("Invisible Disabilities", "Disability Invisibility", False),
    ("Violent Crime", "Crime Violence", False),
    ("Urgent Care", "Care Urgency", False),
    ("Decent Work", "Work Decency", False),
    ("Frequent Flyers", "Flyer Frequency", False),
    ("Confident Consumers", "Consumer Confidence", False),
    ("Prevalent Diseases", "Disease Prevalence", False),
    ("Different Cultures", "Culture Difference", False),
    ("Evident Bias", "Evidence of Bias", False),
    ("Emergent Care", "Care Emergency", False),
    ("Hostile Takeovers", "Takeover Hostility", False),
    ("Hostile Environment", "Environment Hostility", False),
    ("Tolerant Immigrants", "Tolerance of Immigrants", False),
    ("Persistent Organic Pollutants", "Organic Pollutant Persistence", False),
    ("Recurrent Neural Networks", "Neural Network Recurrence", False),
    ("Competent Authorities", "Authority Competence", False),
    ("Flexible Displays", "Display Flexibility", False),
    ("Habitable Zone", "Zone Habitability", False),
    ("Abundant Species", "Species Abundance", False),
    ("Accessible Transport", "Transport Accessibility", False),
    ("Patient Data", "Data Patience", False),
    ("Current Account", "Account Currency", False),
    # rules tried and dropped after an attack: a count dropped after a word of change
    # ("growing startups" grow, "a growing number of startups" is their count), a
    # reordered name's adjective as its noun
    ("Growing Number of Startups", "Growing Startups", False),
    ("Shrinking Number of Households", "Shrinking Households", False),
    ("Declining Number of Species", "Declining Species", False),
    ("Increasing the Number of Nursing Graduates", "Rising Number of Nursing Graduates", False),
    ("Surge in the Volume of Bitcoin", "Surge in Bitcoin", False),
    ("Rise in Regional Inequality", "Inequality Rise in the Region", False),
    ("Decline in Academic Performance", "Performance Decline in Academia", False),
    # a gap that widens grows; what else widens does not
    ("Widening Skills Gap", "Growing Skills Gap", True),
    ("Narrowing Gender Pay Gap", "Declining Gender Pay Gap", True),
    ("Widening Participation", "Growing Participation", False),
]


# (first, second, one node?) for the adjective of an impact as its noun and a leading
# -ing word before a preposition as its act (the thirty-second session).
IMPACTS_AND_ACTS = [
    ("Economic Impact of AI", "Impact of AI on the Economy", True),
    ("Environmental Impacts of Sand Mining", "Impact of Sand Mining on the Environment", True),
    ("Political Consequences of Social Media", "Consequences of Social Media on Politics", True),
    ("Regulatory Impact on Advertising Models", "Impact of Regulation on Advertising Models",
     True),
    ("Technological Impact on Jobs", "Impact of Technology on Jobs", True),
    ("Social Impact of AI", "Impact of AI on Society", True),
    ("Economic Implications of AI", "Implications of AI for the Economy", True),
    ("Psychological Impact of Layoffs", "Impact of Layoffs on Mental Health", True),
    ("Technological Impact on the Environment", "Impact of Technology on the Environment",
     True),
    ("Adapting to New Regulations", "Adaptation to New Regulations", True),
    ("Investing in Women", "Investment in Women", True),
    ("Returning to the Office", "Return to the Office", True),
    ("Pivoting to Video", "Pivot to Video", True),
    ("Shifting to EVs", "Shift to EVs", True),
    ("Relying on Chinese Imports", "Reliance on Chinese Imports", True),
    ("Complying with the AI Act", "Compliance with the AI Act", True),
    ("Expanding into Africa", "Expansion into Africa", True),
    ("Competing for Editorial Talent", "Competition for Editorial Talent", True),
    ("Recovering from Long Covid", "Recovery from Long Covid", True),
    # ... but a verb whose noun names a doer or another thing before a noun, still not
    ("Acquiring Banks", "Bank Acquisition", False),
    ("Relying Parties", "Party Reliance", False),
    ("Shrinking in Retail", "Shrinkage in Retail", False),
    # a modifier in place: a place's adjective as its possessive before what a country
    # has, tourist as tourism; not (an attack's false joins) before who comes from it,
    # what it trades, a company, nor technological as tech
    ("China's Economy", "Chinese Economy", True),
    ("Russia's Shadow Fleet", "Russian Shadow Fleet", True),
    ("China's Nuclear Arsenal", "Chinese Nuclear Arsenal", True),
    ("India's Election", "Indian Election", True),
    ("India's Democracy", "Indian Democracy", True),
    ("Tourist Taxes", "Tourism Taxes", True),
    ("Turkish Refugees", "Turkey's Refugees", False),
    ("Chinese Imports", "China's Imports", False),
    ("American Airlines", "US Airlines", False),
    ("Georgian Government", "Georgia's Government", False),
    ("Technological Unemployment", "Tech Unemployment", False),
    ("Tourist Trap", "Tourism Trap", False),
    ("AI Slop", "AI-Generated Slop", True),
    ("Using Chatbots for Mental Health Support", "Chatbot Use for Mental Health Support",
     True),
    ("American Football League", "America's Football League", False),
    # between either way; "into" starts a second phrase kept last; highly skilled
    ("Crossover Between Technology and Creativity",
     "Crossover Between Creativity and Technology", True),
    ("Expansion of AI into Hardware", "AI Expansion into Hardware", True),
    ("Highly Skilled Workers", "High-Skilled Workers", True),
    ("Work-Family Conflict", "Conflict between Family and Work", False),
    ("Enhanced Games", "Improved Games", False),
    # "falling" before more measures
    ("Falling Consumer Confidence", "Declining Consumer Confidence", True),
    ("Falling Search Referral Traffic", "Declining Search Referral Traffic", True),
    # ... an attack's false joins (514 pairs): an adjective of the kind or degree of an
    # impact, a verb whose bare noun or nominalisation is another thing
    ("Financial Impact of Climate Change", "Impact of Climate Change on Finance", False),
    ("Marginal Impact of Tariffs", "Impact of Tariffs on Margins", False),
    ("Median Impact of Tariffs", "Impact of Tariffs on Media", False),
    ("Trafficking in the UK", "Traffic in the UK", False),
    ("Prospecting for Lithium", "Prospects for Lithium", False),
    ("Renting in London", "Rent in London", False),
    ("Contracting in Construction", "Contraction in Construction", False),
    ("Growing in Cities", "Growth in Cities", False),
    ("Competing for Talent", "Talent Competition", False),
    ("Expanding on the Findings", "Expansion on the Findings", False),
    ("Seizing on AI Hype", "Seizure on AI Hype", False),
    ("Struck in Gaza", "Strike in Gaza", False),
    ("Tourist Traps in Venice", "Tourism Traps in Venice", False),
    # ... not an adjective of the kind of impact as who acts, nor a quality's, nor
    # influence (what "political influence" is depends on who has it)
    ("Psychological Impact on Children", "Impact of Psychology on Children", False),
    ("Economic Impact on Families", "Impact of the Economy on Families", False),
    ("Physical Effects of Space Travel", "Effects of Space Travel on Physics", False),
    ("Political Influence of Tech Giants", "Influence of Tech Giants on Politics", False),
    # the effects of X are its impact, not a named effect's
    ("Effects of Prolonged Darkness on Mental Health",
     "Impacts of Prolonged Darkness on Mental Health", True),
    ("Health Effects of Microplastics", "Impact of Microplastics on Health", True),
    ("Effects of Climate Change", "Impact of Climate Change", True),
    ("Network Effects of AI Platforms", "Impact of AI Platforms on Networks", False),
    ("Greenhouse Effect of Methane", "Impact of Methane on Greenhouses", False),
    ("Side Effects of GLP-1 Drugs", "Side Impacts of GLP-1 Drugs", False),
    # ... nor an -ing word that is a noun or a kind of its own
    ("Marketing to Children", "Market to Children", False),
    ("Developing Countries in Africa", "Development Countries in Africa", False),
    # an -ing word before a preposition inside a name, as its act in place (the
    # thirty-third session)
    ("Industry Adapting to New Regulations", "Industry Adaptation to New Regulations", True),
    ("Risks of Relying on AI", "Risks of Reliance on AI", True),
    ("Industry Adapting to AI", "AI Industry Adaptation", False),
    ("Investors Returning to China", "China Investor Returns", False),
    ("Tourists Renting in Lisbon", "Tourist Rentals in Lisbon", False),
    ("Cities Competing for Talent", "City Talent Competition", False),
    ("Tech Firms Expanding on Research", "Tech Firm Expansion on Research", False),
    # "X by Y" of one word each, of who is in charge or of what only people do
    ("Surveillance by Employers", "Employer Surveillance", True),
    ("Strikes by Doctors", "Doctors' Strikes", True),
    ("Strikes by Iran", "Iran Strikes", False),
    ("Reviews by Employers", "Employer Reviews", False),
    ("Regulation by AI", "AI Regulation", False),
    ("Detection by AI", "AI Detection", False),
    ("Regulation by Platforms", "Platform Regulation", False),
    ("Support by Parents", "Support for Parents", False),
    ("Privacy by Design", "Design Privacy", False),
    # a boom; tactics
    ("Rooftop Solar Boom", "Surge in Rooftop Solar", True),
    ("Boom in Sports Betting", "Sports Betting Growth", True),
    ("Wagner Group Tactics", "Wagner Group", False),
    ("Baby Boom", "Rise of Babies", False),
    ("Scare Tactics", "Scares", False),
    # "X to Y" of what is done to Y; "on the rise"; attitudes toward; shifting patterns
    ("Access to Broadband", "Broadband Access", True),
    ("Barriers to Adoption", "Adoption Barriers", True),
    ("Access to Patients", "Patient Access", False),
    ("Threats to AI", "AI Threats", False),
    ("Response to China", "China Response", False),
    ("Text to Image", "Image Text", False),
    ("Exports to China", "China Exports", False),
    ("Synthetic Research on the Rise", "Rise of Synthetic Research", True),
    ("Brand Publishing on the Rise", "Brand Publishing Growth", True),
    ("Skepticism Towards Health Claims", "Scepticism about Health Claims", True),
    ("Trust toward the Public", "Public Trust", False),
    ("Attitudes Toward Women", "Women's Attitudes", False),
    ("Betting on the Rise", "Rise of Betting", False),
    ("Shifting Load Patterns", "Changing Load Patterns", False),
    ("Violence Toward the Police", "Police Violence", False),
    ("Shift in Commuting Patterns", "Shifting Commuting Patterns", True),
    # who does what, "S VERB-ing O", as the act of O by S
    ("Warehouse Robots Displacing Workers", "Worker Displacement by Warehouse Robots", True),
    ("AI Replacing Junior Roles", "Replacement of Junior Roles by AI", True),
    ("Officials Using Encrypted Apps", "Use of Encrypted Apps by Officials", True),
    ("Self-Driving Cars", "Car Drives by Self", False),
    ("Data Sharing Platforms", "Data Platform Shares", False),
    ("Emphasising Uncertainty", "Emphasis on Uncertainty", True),
    # "childhood" as "child" before what children have or suffer
    ("Childhood Obesity", "Obesity in Children", True),
    ("Childhood Myopia Epidemic", "Myopia Epidemic in Children", True),
    ("Childhood Memories", "Child Memories", False),
    # what AI wrote, made or created is AI-generated (also "X written by AI")
    ("Peer Reviews Written by AI", "AI-Generated Peer Reviews", True),
    ("AI-Created Artworks", "AI-Generated Artworks", True),
    # an actor's own response, attitudes, threats: "X to/about Y" is no "Y X" for an
    # actor Y in a name of any length (the attack's note on older reorderings)
    ("Response to the Chinese Government", "Chinese Government Response", False),
    ("Attitudes About Gen Z", "Gen Z Attitudes", False),
    ("Threats to Small Businesses", "Small Business Threats", False),
    ("Response to the Climate Crisis", "Climate Crisis Response", True),
    ("Skepticism About AI", "AI Skepticism", True),
    ("Access to EV Chargers", "EV Charger Access", True),
    ("Response to COVID-19", "COVID-19 Response", True),
    ("Access to Clean Water", "Clean Water Access", True),
    # -ing words of what happens to a thing
    ("Warming Oceans", "Ocean Warming", True),
    ("Retreating Alpine Glaciers", "Alpine Glacier Retreat", True),
    ("Ageing Workforce", "Ageing of the Workforce", True),
    ("Learning Machines", "Machine Learning", False),
    ("Marketing Agencies", "Agency Marketing", False),
    ("Aging Technology", "Technological Aging", False),
    ("Retreating Executives", "Executive Retreat", False),
    # where a thing is done, first
    ("In-Space Manufacturing", "Manufacturing in Space", True),
    ("On-Device AI Processing", "AI Processing on Devices", True),
    ("In-House Content Teams", "Content Teams in House", False),
    ("On-Demand Video", "Video on Demand", False),
    ("In-App Purchases", "App Purchases", False),
    ("In-Context Learning", "Learning in Context", False),
    ("In-Group Bias", "Bias in Groups", False),
    # "X of Y by Z"
    ("Sharing of Data by Mental Health Apps", "Data Sharing by Mental Health Apps", True),
    ("Use of Tools by AI", "Use of AI Tools", False),
    ("Payment of Bills by Phone", "Phone Bill Payment", False),
    ("Job Creation by AI", "Creation of AI Jobs", False),
    ("Content Moderation by AI", "AI Content Moderation", False),
    ("Hallucinations by Large Language Models", "Large Language Model Hallucinations", True),
    ("Use of Generative AI by Lawyers", "Generative AI Use by Lawyers", True),
    # "re-" before an -ing word, its noun with "re" (one word only when no word of its own)
    ("Re-evaluating Social Obligations", "Reevaluation of Social Obligations", True),
    ("Re-Creating Historic Sites", "Recreation at Historic Sites", False),
    # a review's rows (mutation tests of the session's rules) and its defects' rows
    ("Exposure to Heat", "Heat Exposure", True),
    ("Resistance to Antibiotics", "Antibiotic Resistance", True),
    ("Adaptation to Heat", "Heat Adaptation", True),
    ("Exposure to Media", "Media Exposure", False),
    ("Resistance to Weeds", "Weed Resistance", False),
    ("Adaptation to Film", "Film Adaptation", False),
    ("Access to Power", "Power Access", False),
    ("Violence by Police", "Police Violence", True),
    ("Protests by Librarians", "Librarian Protests", True),
    ("Protests by Ecuador", "Ecuador Protests", False),
    ("Protests by Government", "Government Protests", False),
    ("Boycotts by Users", "User Boycotts", True),
    ("Access to Shoppers", "Shopper Access", False),
    ("Response to Armed Drones", "Armed Drone Response", False),
    ("Military Response to China", "China Military Response", False),
    ("Security Threats to TikTok", "TikTok Security Threats", False),
    ("Reaction to the Chinese Government", "Chinese Government Reaction", False),
    ("Attitudes about Scientists", "Scientist Attitudes", False),
    ("Attitudes about Teachers", "Teacher Attitudes", False),
    ("Skepticism toward the Media", "Skepticism about Media", True),
    ("Skepticism Toward Experts", "Expert Skepticism", False),
    ("Protests by Tourists", "Tourist Protests", False),
    ("Cynicism Towards Politicians", "Politician Cynicism", False),
    ("Trust on the Decline", "Decline of Trust", True),
    ("Focus on the Rise", "Rise of Focus", False),
    ("In-Car Payments", "Car Payments", False),
    ("In-Store Shopping", "Shopping in Stores", True),
    ("On-Premises Software", "Software on Premises", True),
    ("Investors Returning to China", "Investor Returns to China", False),
    ("Re-evaluating Norms", "Norm Re-evaluation", True),
    ("Reevaluating Social Obligations", "Reevaluation of Social Obligations", True),
    ("Retreating Teachers", "Teacher Retreat", False),
    ("Melting Glaciers", "Glacier Melting", True),
    ("Bleaching Coral Reefs", "Coral Reef Bleaching", True),
    ("Warming Potential", "Potential Warming", False),
    ("Flooding Rains", "Rain Flooding", False),
    ("Settling for Less", "Settlement for Less", False),
    ("Organizing for Change", "Organization for Change", False),
    ("Collecting at the Met", "Collection at the Met", False),
    ("Farmers Growing Cannabis", "Growth of Cannabis by Farmers", False),
    ("Large Language Models Replacing Writers", "Writer Replacement by Large Language Models",
     True),
    ("AI Replacing Workers in Banking", "Worker Replacement by AI in Banking", True),
    ("Families Using Food Banks", "Use of Food Banks by Families", True),
    ("Childhood Friends", "Child Friends", False),
    ("AI-Authored Papers", "AI-Generated Papers", True),
    ("Shifting Electricity Load Patterns", "Changing Electricity Load Patterns", False),
    # a leading -ing word as "ACT of" what follows, whatever comes after it; the
    # -ization of an -ize verb; an article after a preposition (not after an -ing word)
    ("Integrating Amenities into Infrastructure", "Integration of Amenities into Infrastructure",
     True),
    ("Institutionalising Foresight Functions", "Institutionalization of Foresight Functions",
     True),
    ("Recognizing Warfare Capabilities", "Recognition of Warfare Capabilities", True),
    ("Recovering from a Hard Year", "Recovery from Hard Year", True),
    ("Vampires as a Biological Entity", "Vampire as Biological Entity", True),
    ("Increasing the Number of Graduates", "Rising Number of Graduates", False),
    ("Developing Countries", "Development of Countries", False),
    ("Competing Interests", "Competition of Interests", False),
    ("Vitamin A Deficiency", "Vitamin Deficiency", False),
    ("Type A Personality", "Type Personality", False),
    # ... and an attack's traps of those (722 pairs)
    ("Shaping the Future", "Shape of the Future", False),
    ("Courting Public Opinion", "Court of Public Opinion", False),
    ("Supervising Teachers", "Supervision of Teachers", False),
    ("Recognizing Israel", "Israel Recognition", False),
    ("Supporting Ukraine", "Ukraine Support", True),
    ("Growing Startups into Unicorns", "Rise of Startups into Unicorns", False),
    ("Withdrawal from the Union", "Withdrawal from Unions", False),
    ("State of the Union", "State of Unions", False),
    ("Inflows into A Shares", "Inflows into Shares", False),
    ("Software as a Service", "Software as Service", True),
    ("Jobs without a Degree", "Jobs without Degrees", True),
    ("Converting Offices into Housing", "Conversion of Offices into Housing", True),
    ("Acquiring Banks in Europe", "Acquisition of Banks in Europe", False),
    # "cross-X" as "across X"; "X in ADJ context" as "ADJ context of X"; an adverb
    # before an -ing word is not read as its adjective (an attack: "physically
    # demanding jobs", "rapidly growing startups")
    ("Physically Demanding Jobs", "Physical Demands of Jobs", False),
    ("Rapidly Growing Startups", "Rapid Startup Growth", False),
    ("Cross-Country Flights", "Flights across Countries", False),
    ("Changes in Economic Context", "Economic Context of Change", False),
    ("Game Devs", "Game Development", False),
    ("Cross-Sector Cooperation", "Cooperation across Sectors", True),
    ("Cross-Border Data Flows", "Data Flows across Borders", True),
    ("Cross-Border", "Border", False),
    ("Scientific Discourse in Historical Context", "Historical Context of Scientific Discourse",
     True),
    ("Humour in Game Dev Culture", "Humor in Game Development Culture", True),
    # a headline as a phrase ("S VERBs O", "S may VERB O"); "Y-driven ACT" as "ACT by Y"
    ("AI Disseminates Tacit Knowledge", "Dissemination of Tacit Knowledge by AI", True),
    ("Bounty Outcomes May Shape Policy", "Bounty Outcomes Shaping Policy", True),
    ("Job Displacement by AI", "AI-Driven Job Displacement", True),
    ("Tech-Driven Growth", "Tech Growth", False),
    ("Governments Should Regulate AI", "AI Regulation by Governments", False),
    ("Sector-Driven Investment", "Investment by Sector", False),
    ("UV-LED Disinfection", "Disinfection by UV", False),
    ("Government-Led Reform", "Reform by Government", True),
    ("AI-Driven Regulation", "AI Regulation", False),
    ("AI-Powered Audits", "AI Audits", False),
    # a third attack's (809 pairs)
    ("Recognizing Names", "Name Recognition", False),
    ("Market-Driven Adoption", "Adoption by Market", False),
    ("Cross-Border Workers", "Workers across Borders", False),
    ("AI-Powered Crop Monitoring", "AI Crop Monitoring", True),
    # a review's mutation testing: rows that pin the guards above, and its defects
    ("Using Knowledge Graphs in Chain-of-Thought Flow",
     "Use of Knowledge Graphs in Chain of Thought Flows", True),
    ("Using the Power of AI", "Use of the Power of AI", True),
    ("Controlling the Spread of Misinformation", "Control of the Spread of Misinformation", True),
    ("Recruiting Children into Armed Groups", "Child Recruits into Armed Groups", False),
    ("Reskilling Workers into Tech Jobs", "Reskilling of Workers into Tech Jobs", True),
    ("Supervising the Use of AI", "Supervision of the Use of AI", True),
    ("Increasing Returns to Scale", "Rising Returns to Scale", False),
    ("Recognizing Names in Politics", "Name Recognition in Politics", False),
    ("Aggrandizing the Presidency", "Aggrandizement of the Presidency", True),
    ("AI-Powered Music", "Music by AI", False),
    ("Nurse-Led Care", "Care by Nurses", True),
    ("Scientist-Led Research", "Research by Scientists", True),
    ("Platform-Driven Engagement", "Engagement by Platform", False),
    ("AI-Powered Translation", "Translation by AI", True),
    ("China-Led Expansion", "Expansion by China", True),
    ("Government-Led Investment", "Investment by Government", True),
    ("AI-Driven Transformation", "Transformation by AI", True),
    ("AI-Powered Detection", "Detection by AI", True),
    ("Government-Led Reductions", "Reductions by Government", True),
    ("AI-Driven Decisions", "Decisions by AI", True),
    ("Government-Led Proposals", "Proposals by Government", True),
    ("AI Disseminates Tacit Knowledge", "AI-Driven Dissemination of Tacit Knowledge", True),
    ("Micro-LED Displays", "Displays by Micro", False),
    ("Shifts in Political Context", "Political Context of Shifts", False),
    ("Cross-Border", "Across Borders", False),
    ("Cross-Section Data", "Data across Sections", False),
    ("Cross-Channel Marketing", "Marketing across Channels", True),
    ("Cross-Border Commuters", "Commuters across Borders", False),
    ("Withdrawal from the Union over Trade", "Withdrawal from Unions over Trade", False),
    ("Credit Rating Upgrade to A", "Credit Rating Upgrade", False),
    ("Chinese Military Might Rises", "Chinese Military Rising", False),
    ("Protests on May Day Holidays", "Protests on Holidays", False),
    ("Drones Could Route Deliveries", "Drone Deliveries", False),
    ("Drones Could Route Deliveries", "Drones Routing Deliveries", True),
    ("Investors May Panic Markets", "Investor Markets", False),
    ("AI-Driven Fraud Detection", "Fraud Detection by AI", True),
    ("AI-Driven Job Displacement in Manufacturing", "AI Displacing Jobs in Manufacturing",
     True),
    ("AI-Driven Model Evaluation", "AI Model Evaluation", False),
    ("AI-Driven Development", "AI Development", False),
    ("AI-Powered Security", "AI Security", False),
    ("AI-Driven Safety", "AI Safety", False),
    ("AI-Powered Drug Development", "AI Drug Development", True),
    ("Expecting Parents", "Parental Expectations", False),
    ("Returning Customers", "Customer Returns", False),
    ("Voting Public", "Public Vote", False),
    ("Returning to the Office", "Return to the Office", True),
    ("Reassessing Supply Chains into Regional Networks",
     "Reevaluation of Supply Chains into Regional Networks", True),
    ("State of the AI Industry", "State of AI Industry", True),
    ("Federating Regions", "Federation of Regions", True),
    ("Web Dev Trends", "Web Development Trends", True),
    ("Payments via Mobile", "Payments through Mobile", True),
    ("Quicker Deliveries", "Faster Deliveries", True),
    ("Reassessment of Priorities", "Reevaluation of Priorities", True),
    ("Reassessing Priorities", "Reevaluating Priorities", True),
    # an act after a preposition, as a leading one (the thirty-fifth session): its
    # nominalisations only, not before people, not in a fixed phrase
    ("Cost of Installing Heat Pumps", "Heat Pump Installation Costs", True),
    ("Challenges of Adopting AI", "AI Adoption Challenges", True),
    ("Barriers to Adopting Heat Pumps", "Heat Pump Adoption Barriers", True),
    ("Importance of Preserving Heritage", "Heritage Preservation Importance", True),
    ("Environmental Impact of Rising Sea Levels", "Environmental Impact of Sea Level Rise",
     True),
    ("Technologies for Enhancing Emotional Intelligence",
     "Emotional Intelligence Enhancement Technologies", True),
    ("Risks of Washing Machines", "Risks of Machine Washing", False),
    ("Rights of Striking Workers", "Rights of Worker Strikes", False),
    ("Education of Visiting Students", "Education of Student Visits", False),
    ("Threat of Rising Powers", "Threat of Power Rise", False),
    ("Impact of Emerging Technologies", "Impact of Technology Emergence", False),
    ("Future of Developing Countries", "Future of Country Development", False),
    ("Safety of Charging Stations", "Safety of Station Charging", False),
    # ... nor what people and animals do themselves, nor an adjective's participle, led
    # or after a preposition (an attack's and trap hunts' false joins)
    ("Protection of Migrating Birds", "Protection of Bird Migration", False),
    ("Support for Struggling Families", "Support for Family Struggles", False),
    ("Use of Striking Visuals", "Use of Visual Strikes", False),
    ("Striking Resident Doctors", "Resident Doctor Strikes", False),
    ("Protesting Farmers", "Farmer Protests", False),
    ("Migrating Birds", "Bird Migration", False),
    ("Founding Fathers", "Father Foundation", False),
    ("Reskilling Workers", "Worker Reskilling", True),
    # ... before people, only a verb of what is done to them is their act (an attack's
    # older false joins: who participates, exports, visits or supervises)
    ("Participating Countries", "Country Participation", False),
    ("Exporting Countries", "Country Exports", False),
    ("Visiting Scholars", "Scholar Visits", False),
    ("Supervising Physicians", "Physician Supervision", False),
    ("Controlling Parents", "Parent Control", False),
    ("Recruiting Nurses", "Nurse Recruitment", True),
    ("Terrorizing Civilians", "Terrorization of Civilians", True),
    ("Declining Enrollment of International Students",
     "Falling International Student Enrolment", True),
    ("Assessing Students", "Student Assessment", True),
    ("Registering Voters", "Voter Registration", True),
    ("Defaulting Borrowers", "Borrower Default", False),
    # -ing words of a kind, and kinds named by one ("mitigating factors")
    ("Rewarding Careers", "Career Rewards", False),
    ("Conflicting Interests", "Conflict of Interest", False),
    ("Mitigating Factors", "Factor Mitigation", False),
    ("Controlling Behaviour", "Behaviour Control", False),
    ("Controlling Costs", "Cost Control", True),
    ("Mitigating Heat Risks", "Mitigation of Heat Risks", True),
    # who acts on people, and people who act (an attack's older false joins; a second
    # attack's losses of the first guards: by a person's data only, employers and media
    # watch, the verbs done to patients, voters, children)
    ("Drug Use by Teens", "Teen Drug Use", True),
    ("Wage Theft by Employers", "Employer Wage Theft", True),
    ("Employer-Driven Surveillance", "Employer Surveillance", True),
    ("Media-Driven Scrutiny", "Media Scrutiny", True),
    ("Treating Patients", "Patient Treatment", True),
    ("Intimidating Voters", "Voter Intimidation", True),
    ("Immunizing Children", "Child Immunization", True),
    ("Treating Physicians", "Physician Treatment", False),
    ("Managing Directors", "Director Management", False),
    ("Supporting Actors", "Actor Support", False),
    ("AI-Driven Safety Research", "AI Safety Research", False),
    ("AI-Driven Quality Control", "AI Quality Control", True),
    ("Cost of Capital Projects", "Capital Project Costs", True),
    ("Government Digital Service", "Digital Government Service", False),
    ("Citizen-Driven Surveillance", "Citizen Surveillance", False),
    ("Data Sharing by Patients", "Patient Data Sharing", False),
    ("Content Moderation by Users", "User Content Moderation", False),
    ("Data Collection by Governments", "Government Data Collection", True),
    ("Student-Led Protests", "Protests by Students", True),
    ("AI-Driven Scrutiny", "AI Scrutiny", False),
    ("AI-Powered Detection Tools", "AI Detection Tools", False),
    ("Data-Driven Privacy", "Data Privacy", False),
    ("AI-Driven Fraud Monitoring", "AI Fraud Monitoring", True),
    # terms of finance, law and war
    ("Cost of Capital", "Capital Costs", False),
    ("Rising Cost of Capital", "Rising Capital Costs", False),
    ("Rising Cost of Capital", "Rise in the Cost of Capital", True),
    ("Rate of Return", "Return Rates", False),
    ("Standard of Care", "Care Standards", False),
    ("Terms of Trade", "Trade Terms", False),
    ("Balance of Power", "Power Balance", True),
    # a medium's word before or after a thing's first noun
    ("Child Online Safety", "Online Child Safety", True),
    ("Patient Remote Monitoring", "Remote Patient Monitoring", True),
    ("Social Media Use", "Media Social Use", False),
    ("Cost of Living", "Living Costs", True),
]


# One name per wording rule, and a form only that rule gives it.
RULE_EXAMPLES = {
    "reordered_around_preposition": ("Impact of AI on Jobs", "ai impact on job"),
    "between": ("Trade between US and China", "us china trade"),
    "driven_by": ("Design Driven by AI", "ai driven design"),
    "and_either_way": ("Energy and Climate Policy", "climate and energy policy"),
    "in_dropped": ("AI in Education", "=ai education"),
    "cross_as_across": ("Cross-Sector Cooperation", "cooperation across sector"),
    "against_from_with": ("Emissions from Shipping", "=shipping emission"),
    "toward_as_to": ("Shift toward Renewables", "=shift to renewable"),
    "act_last": ("ESG Investing", "esg investment"),
    "in_kind_of_place": ("Hospital Closures in Rural Areas", "rural hospital closure"),
    "on_the_rise": ("Synthetic Research on the Rise", "rise of synthetic research"),
    "doer_doing": ("AI Replacing Junior Roles", "replacement of junior role by ai"),
    "where_first": ("In-Space Manufacturing", "manufacturing in space"),
    "of_what_by_whom": ("Sharing of Data by Apps", "data sharing by app"),
    "one_preposition_for_another": ("Funding for Research", "funding * research"),
    "aspect_of_the": ("A Tool for the Ethics of AI", "tool for ai ethics"),
    "in_context": ("Cryptography in Historical Context", "historical context of cryptography"),
    "generic_last_word": ("Thermal Energy Storage System", "thermal energy storage"),
    "popularity_as_rise": ("Growing Popularity of Padel", "rise of padel"),
    "return_as_revival": ("Return of Vinyl", "revival of vinyl"),
    "activity_first": ("Monitoring Air Quality", "air quality monitoring"),
    "online_last": ("Gender Dynamics Online", "online gender dynamic"),
    "adverb_after_an_act": ("Working Remotely", "remote work"),
    "facing_as_for": ("Challenges Facing Farmers", "challenge for farmer"),
    "tie_either_way": ("US-China Relations", "china us relation"),
    "town_of": ("Town of Viganella", "viganella"),
    "ai_generated_media": ("AI-Generated Art", "ai art"),
    "link_word_dropped": ("AI-Powered Hacking", "=ai hacking"),
    "growth_as_rise": ("Brand Publishing Growth", "brand publishing rise"),
    "shift_as_change": ("Regional Demographic Shifts", "regional demographic change"),
    "ordinal_numbers": ("Fourth Industrial Revolution", "4th industrial revolution"),
    "cardinal_numbers": ("World War II", "world war 2"),
    "concern_word": ("Data Privacy Risks", "data privacy (concern)"),
    "gerund_as_noun": ("Declining Birth Rates", "birth rate decline"),
    "adjective_as_noun": ("Political Polarisation", "<polity polarization"),
    "adjective_of_an_impact": ("Economic Impact of AI", "<ai impact on economy"),
    "modifier_as_noun": ("Tourist Taxes", "=tourism tax"),
    "place_possessive": ("Chinese Economy", "=china economy"),
    "quality_last": ("Resilient Supply Chains", "supply chain resilience"),
    "e_prefix": ("E-Bikes", "electric bike"),
    "trend_of_a_phrase": ("Decline in Trust in Science", "trust in science decline"),
    "medium_either_place": ("Child Online Safety", "online child safety"),
    "gerund_after_a_preposition": ("Cost of Installing Heat Pumps",
                                   "cost of heat pump installation"),
}


def test_each_wording_rule_is_registered_by_name_and_gives_its_forms(monkeypatch):
    from kg.resolve.wordings import RULES, signatures

    assert set(RULES) == set(RULE_EXAMPLES)
    for rule, (name, form) in RULE_EXAMPLES.items():
        key = resolution_key(name)
        assert form in signatures(key), rule
        with monkeypatch.context() as patch:
            patch.delitem(RULES, rule)
            assert form not in signatures(key), rule


# A trap hunt (a helper session wrote 300 traps blind, rows "[traps, helper 85]" of
# tests/data/resolution-pairs.csv): false joins it found, each pair alone, and what a
# review of the rules taken from them found they then kept apart wrongly.
# (first, second, one node?)
TRAP_HUNT = [
    ("Oversight of Banks", "Bank Oversight", True),
    ("Environmental Monitoring", "Monitoring of the Environment", True),
    ("AI-Powered Healthcare", "AI Healthcare", True),
    ("AI-Driven Policing", "AI Policing", True),
    ("Nuclear Arms Control", "Nuclear Weapons Control", True),
    ("Robotic Arms Market", "Robotic Arm Market", True),
    ("NLP Technology", "Natural Language Processing Technology", True),
    ("IRA Funding", "Inflation Reduction Act Funding", True),
    ("Heat Island Effect", "Heat Islands", True),
    ("Police Surveillance", "Surveillance of Police", False),
    # (the fourteenth batch's tune half)
    ("Parental Supervision", "Supervision of Parents", False),
    ("Bank Supervision", "Supervision of Banks", True),
    ("Side Effects on Children", "Side Impact on Children", False),
    ("Impact on Children", "Effect on Children", True),
    ("Export-Driven Growth", "Export Growth", False),
    ("Evidence-Based Policy", "Evidence Policy", False),
    ("Consumer-Driven Healthcare", "Consumer Healthcare", False),
    ("Data-driven Storytelling", "data storytelling", True),
    ("Heat-Related Deaths", "heat deaths", True),
    ("National Health Service", "National Health", False),
    ("Public Broadcasting Service", "Public Broadcasting", False),
    ("Sleep Concierge service", "Sleep Concierge", True),
    ("Urban Heat Island Effect", "Urban Heat Islands", True),
    ("Museum of Modern Art", "Modern Art Museums", False),
    ("University of California", "Californian Universities", False),
    ("Bank of America", "American Banks", False),
    ("Bill of Rights", "Rights Bill", False),
    ("Department of Justice", "Justice Department", True),
    ("Employer Monitoring", "Monitoring of Employers", False),
    ("Parental Monitoring", "Monitoring of Parents", False),
    ("Employee Monitoring", "Monitoring of Employees", True),
    ("Arms Control", "Arm Control", False),
    ("Customs Data", "Custom Data", False),
    ("Robotic Arms", "Robotic Arm", True),
    ("Logistic Regression", "Logistics Regression", False),
    ("Electronics Warfare", "Electronic Warfare", True),
    # a word of growth or decline before one word (a crowded universe written blind, the
    # twenty-seventh batch), not before what one grows, people or a fixed phrase; "falling"
    # before a measure that a preposition follows
    ("Increasing Tariffs", "Rising Tariffs", True),
    ("Increasing Tariffs", "Tariff Increases", True),
    ("Growing Populism", "Rise of Populism", True),
    ("Surging Inflation", "Rising Inflation", True),
    ("Falling Trust in Media", "Declining Trust in Media", True),
    ("Growing Vegetables", "Rising Vegetables", False),
    ("Growing Hemp", "Rise of Hemp", False),
    ("Growing Teenagers", "Rising Teenagers", False),
    ("Shrinking Violets", "Declining Violets", False),
    ("Declining Balance", "Falling Balance", False),
    ("Falling Objects", "Declining Objects", False),
    # an attitude toward one thing, reordered; not toward who may hold one
    ("Hesitancy Toward Vaccines", "Vaccine Hesitancy", True),
    ("Optimism toward Technology", "Technology Optimism", True),
    ("Hostility toward Immigrants", "Immigrant Hostility", False),
    ("Distrust toward Elites", "Elite Distrust", False),
    ("Skepticism toward the Media", "Media Skepticism", False),
    ("Hostility toward China", "China Hostility", False),
    # a last -ing word as its act's nominalisation, not a bare verb's noun
    ("ESG Investing", "ESG Investment", True),
    ("Community Organizing", "Community Organization", False),
    ("Community Gardening", "Community Gardens", False),
    ("Weather Forecasting", "Weather Forecast", False),
    ("Dynamic Pricing", "Dynamic Prices", False),
    # a British spelling after a prefix
    ("Bio-Fertilizers", "biofertilisers", True),
    # the whole phrase after a word of growth rises, as its reorderings say it
    ("Growing concerns about data privacy", "Rising data privacy concerns", True),
    ("Growing demand for electric vehicles", "Rising electric vehicle demand", True),
    ("Growing concerns about data privacy", "Rising data privacy", False),
    ("Rising attacks on drones", "Rising drone attacks", False),
    # an -ing word of a change of state, as the process of what it changes
    ("Tightening monetary policy", "Monetary policy tightening", True),
    ("Weakening Yen", "Yen Weakening", True),
    # "energy" after a source of it and two words
    ("Offshore Wind", "Offshore Wind Power", True),
    ("Floating Solar", "floating solar energy", True),
    ("Wind", "Wind Power", False),
    ("Nuclear", "Nuclear Power", False),
    # "due to" and "caused by" as "driven by"
    ("Job Displacement Due to Automation", "Automation-Driven Job Displacement", True),
    ("Due Diligence", "Driven by Diligence", False),
    # an attack after its technique; "volatile" before a measure or what is traded;
    # "erosion of" what declines so; "X in rural areas" (the second universe's tune half)
    ("Phishing Attacks", "phishing", True),
    ("Drone Attacks", "Drones", False),
    ("Volatile Oil Prices", "Oil Price Volatility", True),
    ("Volatile Organic Compounds", "Organic Compound Volatility", False),
    ("Erosion of Trust in Institutions", "Declining Trust in Institutions", True),
    ("Erosion of Democracy", "Democratic Erosion", True),
    ("Erosion of Soil", "Decline of Soil", False),
    ("Hospital Closures in Rural Areas", "Rural Hospital Closures", True),
    ("Nvidia Corporation", "Nvidia", False),
    # an attack on the session's rules (its realistic and plausible false joins)
    ("Work in Remote Areas", "Remote Work", False),
    ("Patient Monitoring in Remote Areas", "Remote Patient Monitoring", False),
    ("Mining in Urban Areas", "Urban Mining", False),
    ("Poverty in Urban Areas", "Urban Poverty", True),
    ("Weight-Loss Injection Scams", "Weight-Loss Injections", False),
    ("Prompt Injection Attacks", "Prompt Injection", True),
    ("Anti-Phishing Campaign", "Anti-Phishing", False),
    ("Ransomware Campaign", "Ransomware Attacks", True),
    ("Solar Wind Energy", "Solar Wind", False),
    ("Ocean Wave Energy", "Ocean Waves", False),
    ("Concentrated Solar Power", "Concentrated Solar", True),
    ("Nuclear Commissioning", "Nuclear Commission", False),
    ("Global Positioning", "Global Position", False),
    ("Habit Forming", "Habit Formation", False),
    ("Gender Transitioning", "Gender Transition", True),
    ("Thinning Forests", "Forest Thinning", False),
    ("Thinning Ice", "Ice Thinning", True),
    ("Sentiment Toward Retail", "Retail Sentiment", False),
    ("Hostility Toward Unions", "Union Hostility", False),
    ("Loan Apps", "Loan Applications", False),
    ("Bike Taxis", "Bicycle Taxis", False),
    ("Online Gaming Industry", "Online Video Game Industry", False),
    ("Private Debt Crisis", "Private Credit Crisis", False),
    ("Private Debt", "Private Credit", True),
    ("Worldwide Income", "Global Income", False),
    ("BTC Pipeline", "Bitcoin Pipeline", False),
]


# Generic last words, the acts of last -ing words and frames of decline and rise (the
# thirty-seventh session), with the traps a review and the labelled pairs found.
# (first, second, one node?)
GENERIC_WORDS_AND_FRAMES = [
    ("Extreme Weather Events", "Extreme Weather", True),
    ("Hybrid Work Models", "Hybrid Work", True),
    ("Sustainable Highway Initiative", "Sustainable Highways", False),
    ("Slow Living Movement", "Slow Living", True),
    ("Retail Media Networks", "Retail Media", True),
    ("Smart Home Products Integration", "Smart Home Integration", False),
    ("Climate Risk Models", "Climate Risk", False),
    ("Viable System Model", "Viable Systems", False),
    ("Human Trafficking Networks", "Human Trafficking", False),
    ("Tectonic Plate Movements", "Tectonic Plates", False),
    ("Home Care Products", "Home Care", False),
    ("Open Source Initiative", "Open Source", False),
    ("Oil-Derivative Product Alternatives", "Oil-Derivative Products", False),
    ("Book Banning", "Book Bans", True),
    ("Flooding", "Floods", True),
    ("Cold Plunging", "Cold Plunges", True),
    ("Seed Banking", "Seed Banks", False),
    ("Vertical Farming", "Vertical Farms", False),
    ("Battery Charging", "Battery Charge", False),
    ("Loss of Pollinators", "Pollinator Decline", True),
    ("Biodiversity Loss", "Declining Biodiversity", True),
    ("Disappearing Third Places", "Decline of Third Places", True),
    ("Weight Loss", "Declining Weight", False),
    ("Hearing Loss", "Hearing Decline", False),
    ("Disappearing Messages", "Declining Messages", False),
    ("Emergence of Supermassive Black Holes", "Rise of Supermassive Black Holes", False),
    ("Growing Popularity of Padel", "Rise of Padel", True),
    ("Return of Vinyl", "Vinyl Revival", True),
    # an attack's traps (586, each pair alone): what the rules took for a generic word
    ("Disease Transmission Models", "Disease Transmission", False),
    ("Climate Action Network", "Climate Action", False),
    ("Content Delivery Network", "Content Delivery", False),
    ("Patient Safety Events", "Patient Safety", False),
    ("Civil Rights Movement", "Civil Rights", False),
    ("Exchange Rate Movements", "Exchange Rates", False),
    ("Hair Loss Products", "Hair Loss", False),
    ("Global Reporting Initiative", "Global Reporting", False),
    ("Loss of Life", "Decline of Life", False),
    ("Loss of Control", "Decline of Control", False),
    ("Financial Loss", "Financial Decline", False),
    ("Forest Loss", "Forest Decline", False),
    ("Return of Capital", "Revival of Capital", False),
    ("Return of Cultural Artefacts", "Revival of Cultural Artefacts", False),
    ("Growing Popularity of China", "Rise of China", False),
    ("Growing Popularity of the Dollar", "Rise of the Dollar", False),
    ("Return of Measles", "Resurgence of Measles", True),
    ("Private 5G Networks", "Private 5G", True),
    ("5G Networks", "5G", True),
    ("Open-Source AI Models", "Open-Source AI", True),
    # an activity's -ing noun first, before what it is done to
    ("Monitoring Air Quality", "Air Quality Monitoring", True),
    ("Recycling Lithium Batteries", "Lithium Battery Recycling", True),
    ("Learning Machines", "Machine Learning", False),
    ("Training Data", "Data Training", False),
    ("Farming Communities", "Community Farming", False),
    ("Shipping Containers", "Container Shipping", False),
    ("Teaching Hospitals", "Hospital Teaching", False),
    ("Monitoring Systems", "System Monitoring", False),
    # how, where and whom an act faces
    ("Working Remotely", "Remote Work", True),
    ("Thinking Critically", "Critical Thinking", True),
    ("Harassment Online", "Online Harassment", True),
    ("Coming Online", "Online Coming", False),
    ("Challenges Facing Feminism", "Challenges to Feminism", True),
    ("Solidarity within Communities", "Community Solidarity", True),
    ("Kidney Transplantation", "Renal Transplants", True),
    ("Coffee Price Spike", "Rising Coffee Prices", True),
    ("Evolving Consumer Expectations", "Changing Consumer Expectations", True),
    ("Integrating AI into Search", "Integration of AI in Search", True),
    ("Conversion of Offices", "Conversion into Offices", False),
    ("Women's Radicalisation", "Female Radicalisation", True),
    ("Male Loneliness", "Loneliness among Men", True),
    ("Female Connectors", "Women Connectors", False),
    ("FemTech", "Women's Health", False),
    ("Mental Health Technology", "Mental Health", False),
    ("Political Ad Regulations", "Political Advertising Regulations", True),
    ("Sewage into Rivers", "Sewage in Rivers", False),
    ("AI Alignment Problem", "AI Alignment Concerns", False),
    ("Tech Giants", "Technology Giants", True),
]

