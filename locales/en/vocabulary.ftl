## Controlled vocabularies: one message per code

field-agriculture = Agriculture
field-new_energy = New energy
field-environment_water = Environment and water
field-health_biomedicine = Health and biomedicine
field-digital_ict = Digital economy and ICT
field-advanced_manufacturing = Advanced manufacturing
field-new_materials = New materials
field-smart_city_transport = Smart city and transport
field-marine = Marine

country-BN = Brunei
country-KH = Cambodia
country-ID = Indonesia
country-LA = Laos
country-MY = Malaysia
country-MM = Myanmar
country-PH = Philippines
country-SG = Singapore
country-TH = Thailand
country-VN = Viet Nam
country-TL = Timor-Leste
country-CN = China
country-XX = Other country

mode-licensing = Licensing
mode-joint_venture = Joint venture
mode-technical_service = Technical service
mode-equipment_supply = Equipment supply
mode-joint_rnd = Joint R&D

ip-patent_granted = Patent granted
ip-patent_pending = Patent pending
ip-know_how = Know-how
ip-open = Open technology

trl-1 = basic principles observed
trl-2 = technology concept formulated
trl-3 = experimental proof of concept
trl-4 = validated in the laboratory
trl-5 = validated in a relevant environment
trl-6 = demonstrated in a relevant environment
trl-7 = prototype demonstrated in operation
trl-8 = system complete and qualified
trl-9 = proven in operation

province-guangxi = Guangxi
province-guangdong = Guangdong
province-yunnan = Yunnan
province-guizhou = Guizhou
province-hainan = Hainan
province-fujian = Fujian
province-zhejiang = Zhejiang
province-jiangsu = Jiangsu
province-shanghai = Shanghai
province-beijing = Beijing
province-hubei = Hubei
province-hunan = Hunan
province-sichuan = Sichuan
province-shandong = Shandong
province-chongqing = Chongqing

event-kind-forum = Forum
event-kind-competition = Competition
event-kind-camp = Camp
event-kind-training = Training
event-kind-matchmaking = Matchmaking
event-kind-exhibition = Exhibition

member-kind-government_mechanism = Bilateral government mechanisms
member-kind-working_group = Joint working groups
member-kind-alliance_member = Alliance members
