## Kosakata terkendali: satu pesan per kode

field-agriculture = Pertanian
field-new_energy = Energi baru
field-environment_water = Lingkungan dan air
field-health_biomedicine = Kesehatan dan biomedis
field-digital_ict = Ekonomi digital dan TIK
field-advanced_manufacturing = Manufaktur maju
field-new_materials = Material baru
field-smart_city_transport = Kota cerdas dan transportasi
field-marine = Kelautan

country-BN = Brunei Darussalam
country-KH = Kamboja
country-ID = Indonesia
country-LA = Laos
country-MY = Malaysia
country-MM = Myanmar
country-PH = Filipina
country-SG = Singapura
country-TH = Thailand
country-VN = Vietnam
country-TL = Timor-Leste
country-CN = Tiongkok
country-XX = Negara lain

mode-licensing = Lisensi
mode-joint_venture = Usaha patungan
mode-technical_service = Layanan teknis
mode-equipment_supply = Pasokan peralatan
mode-joint_rnd = Litbang bersama

ip-patent_granted = Paten sudah diberikan
ip-patent_pending = Paten dalam proses
ip-know_how = Pengetahuan teknis (know-how)
ip-open = Teknologi terbuka

trl-1 = prinsip dasar telah diamati
trl-2 = konsep teknologi telah dirumuskan
trl-3 = pembuktian konsep secara eksperimental
trl-4 = tervalidasi di laboratorium
trl-5 = tervalidasi di lingkungan yang relevan
trl-6 = didemonstrasikan di lingkungan yang relevan
trl-7 = prototipe didemonstrasikan dalam operasi
trl-8 = sistem lengkap dan telah memenuhi syarat
trl-9 = terbukti dalam operasi

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
event-kind-competition = Kompetisi
event-kind-camp = Kamp
event-kind-training = Pelatihan
event-kind-matchmaking = Temu bisnis
event-kind-exhibition = Pameran

member-kind-government_mechanism = Mekanisme bilateral antarpemerintah
member-kind-working_group = Kelompok kerja bersama
member-kind-alliance_member = Anggota aliansi
