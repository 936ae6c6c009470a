## Beranda

home-title = Teknologi untuk ASEAN
home-description = Pusat Transfer Teknologi China-ASEAN menghubungkan teknologi maju dan tepat guna dari Tiongkok dengan mitra di sebelas negara ASEAN.
home-heading = Temukan teknologi yang dapat diterapkan organisasi Anda
home-lead = Seribu teknologi maju dan tepat guna dari Tiongkok untuk pertanian, energi, air, kesehatan, industri, dan perkotaan di negara-negara ASEAN, beserta para ahli yang dapat membantu Anda menerapkannya.
home-search-label = Apa yang Anda cari?
home-search-placeholder = mis. padi, tenaga surya, pengolahan air
home-figures-title = Capaian dalam Angka
home-featured-title = Teknologi unggulan
home-all-technologies = Semua teknologi
home-events-title = Acara mendatang
home-all-events = Semua acara
home-news-title = Berita terbaru
home-all-news = Semua berita

figure-technologies = teknologi dalam katalog
figure-network_members = anggota jaringan transfer teknologi
figure-agreements = perjanjian kerja sama
figure-events = forum, kompetisi, dan acara lainnya
figure-fellows = ilmuwan muda yang telah dibina
figure-projects = proyek yang difasilitasi
figure-companies_served = perusahaan terlayani
figure-bilateral_mechanisms = mekanisme bilateral antarpemerintah

## Tentang kami

about-description = Pusat Transfer Teknologi China-ASEAN, aliansi dan jaringan transfer teknologi, serta mekanisme bilateral dengan negara-negara ASEAN.
about-figures-title = Angka utama
about-network-title = Jaringan dan mitra

## Acara

events-title = Acara
events-description = Forum, kompetisi, kamp, pelatihan, dan sesi temu bisnis jaringan transfer teknologi China-ASEAN.
events-lead = Temui penyedia teknologi dan mitra di forum, kompetisi, kamp, pelatihan, dan sesi temu bisnis.
events-filter-kind = Jenis
events-upcoming = Mendatang
events-past = Acara sebelumnya
events-past-badge = Sudah berlangsung
events-none-upcoming = Belum ada acara mendatang yang dijadwalkan.
events-none-past = Tidak ada acara sebelumnya yang sesuai.
events-subscribe = Alamat umpan kalender (.ics), untuk Google Kalender atau Outlook
event-when-where = Waktu dan tempat
event-starts = Mulai
event-ends = Selesai
event-time-zone = Zona waktu
event-venue = Tempat
event-register = Daftar
event-registration-closed = Pendaftaran sudah ditutup.
event-add-calendar = Unduh berkas .ics (Apple Calendar, Thunderbird, dan lainnya)
event-news = Berita tentang acara ini

## Berita

news-title = Berita
news-description = Berita dari Pusat Transfer Teknologi China-ASEAN dan jaringannya.
news-empty = Tidak ada berita yang sesuai.
news-subscribe = Berlangganan feed berita
news-related = Berita lainnya
news-related-event = Acara

## Program

programme-title = Program Ilmuwan Muda Berbakat ASEAN di Guangxi
programme-description = Riset selama enam hingga dua belas bulan di lembaga tuan rumah di Guangxi bagi ilmuwan muda dari negara-negara ASEAN.
programme-lead = Program ini mengundang peneliti muda dari negara-negara ASEAN untuk menjalani riset selama enam hingga dua belas bulan di universitas atau lembaga penelitian di Guangxi dan mengerjakan proyek bersama dengan pembimbing dari Tiongkok.
programme-offer-title = Yang ditawarkan program
programme-offer-1 = Posisi riset selama 6 hingga 12 bulan di lembaga tuan rumah di Guangxi
programme-offer-2 = Tunjangan bulanan, akomodasi, dan asuransi kesehatan
programme-offer-3 = Dana riset untuk proyek bersama Anda
programme-offer-4 = Kursus bahasa Mandarin dan budaya Tiongkok
programme-eligibility-title = Siapa yang dapat mendaftar
programme-eligibility-1 = Warga negara salah satu negara anggota ASEAN
programme-eligibility-2 = Berusia di bawah 45 tahun pada tanggal penutupan pendaftaran
programme-eligibility-3 = Bergelar doktor (PhD), atau magister dengan pengalaman riset minimal lima tahun
programme-eligibility-4 = Mampu bekerja dalam bahasa Inggris atau Mandarin
programme-timeline = Jadwal pendaftaran
programme-opens = Pendaftaran dibuka
programme-closes = Pendaftaran ditutup
programme-decisions = Pengumuman hasil
programme-call-open-until = Pendaftaran dibuka hingga { $date }.
programme-call-opens-on = Pendaftaran belum dibuka. Pendaftaran dibuka pada { $date }.
programme-call-closed = Pendaftaran sudah ditutup. Periode berikutnya akan diumumkan di halaman ini dan di rubrik berita.
programme-no-call = Saat ini tidak ada periode pendaftaran. Periode berikutnya akan diumumkan di halaman ini dan di rubrik berita.
programme-apply = Daftar sekarang
programme-learn-more = Tentang program
programme-host-posts = Posisi yang ditawarkan pada periode ini
programme-fellows-title = Peserta program
programme-all-fellows = Semua peserta
post-institution = Lembaga tuan rumah
post-lab = Laboratorium
post-field = Bidang
post-supervisor = Pembimbing
post-duration = Durasi
post-months = { $n } bulan
status-title = Periksa status pendaftaran

## Peserta program

fellows-title = Direktori peserta
fellows-description = Ilmuwan muda dari negara-negara ASEAN yang menjalani program ini di Guangxi.
fellows-filter-country = Negara
fellows-filter-cohort = Angkatan
fellows-filter-field = Bidang
fellows-count = { $n } peserta
fellows-empty = Tidak ada peserta yang sesuai dengan filter ini.
fellow-cohort = Angkatan { $count }
fellow-cohort-label = Angkatan
fellow-country = Negara
fellow-field = Bidang
fellow-home = Lembaga asal
fellow-host = Lembaga tuan rumah di Guangxi
fellow-bio = Profil

about-trl-title = Tingkat kesiapan teknologi
about-trl-intro = Setiap teknologi dalam katalog menyatakan kematangannya pada sembilan tingkat kesiapan teknologi (TRL): dari gagasan yang terbukti di laboratorium hingga sistem yang terbukti dalam operasi sehari-hari.
event-when = Waktu
event-where = Tempat
event-add-to-calendar = Tambahkan ke kalender
event-calendar-google = Google Kalender
event-calendar-outlook = Outlook.com
event-calendar-office = Outlook (Microsoft 365)
events-subscribe-webcal = Berlangganan di aplikasi kalender Anda
