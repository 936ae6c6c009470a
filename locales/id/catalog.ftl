## Katalog teknologi

catalog-title = Katalog teknologi
catalog-description = Teknologi maju dan tepat guna dari Tiongkok bagi mitra di negara-negara ASEAN: cari, saring, dan hubungi penyedianya.
catalog-lead = Teknologi maju dan tepat guna yang ditawarkan untuk ditransfer ke negara-negara ASEAN. Cari dalam bahasa Indonesia, Inggris, atau Mandarin.
catalog-search-label = Cari teknologi
catalog-search-placeholder = mis. padi, surya, pengolahan air
catalog-filters-title = Filter
catalog-filter-field = Bidang
catalog-filter-country = Negara tujuan
catalog-filter-mode = Bentuk kerja sama
catalog-filter-ip = Kekayaan intelektual
catalog-filter-trl = Tingkat kesiapan (TRL)
catalog-trl-from = Dari
catalog-trl-to = sampai
catalog-trl-help = Apa arti setiap tingkat?
catalog-trl-short = TRL
catalog-apply = Terapkan filter
catalog-sort-label = Urutkan menurut
catalog-per-page-label = Per halaman
catalog-sort-apply = Terapkan
catalog-sort-relevance = Relevansi
catalog-sort-newest = Terbaru
catalog-sort-title = Judul
catalog-result-count = { $n } teknologi
catalog-active-filters = Filter aktif
catalog-remove-filter = hapus filter ini
catalog-clear-all = Hapus semua
catalog-chip-words = Kata kunci: “{ $words }”
catalog-empty-title = Tidak ada teknologi yang sesuai
catalog-empty-text = Coba gunakan lebih sedikit kata atau kata yang lebih umum, atau hapus salah satu filter.
catalog-suggest-clear-filters = Cari di semua bidang dan negara
catalog-suggest-clear-words = Pertahankan filter, hapus kata kunci
catalog-suggest-site-search = Cari di berita, acara, dan kebutuhan teknologi
catalog-empty-post-need = Tidak menemukannya? Beri tahu kami apa yang Anda cari.

## Halaman teknologi

trl-short = TRL
tech-description = Deskripsi
tech-scenarios = Skenario penerapan
tech-facts = Informasi utama
tech-provider = Penyedia
tech-maturity = Tingkat kesiapan
tech-ip = Kekayaan intelektual
tech-modes = Bentuk kerja sama
tech-target-countries = Negara tujuan
tech-contact = Kontak
tech-website = Situs web
tech-published = Terdaftar sejak
tech-related = Teknologi terkait
tech-matching-needs = Kebutuhan yang dapat dipenuhi teknologi ini

## Pertanyaan

inquiry-cta = Kirim pertanyaan
inquiry-title = Tanyakan teknologi ini kepada penyedia
inquiry-intro = Pusat akan meneruskan pertanyaan Anda kepada penyedia dan menindaklanjutinya. Kami membalas dalam lima hari kerja.
inquiry-name = Nama Anda
inquiry-organisation = Organisasi
inquiry-country = Negara
inquiry-email = Surel
inquiry-message = Pesan
inquiry-message-hint = Apa yang ingin Anda ketahui atau lakukan? Misalnya: skala yang Anda rencanakan, lokasi Anda, dan jadwal Anda.
inquiry-message-short = Tulis minimal 20 karakter agar penyedia dapat memberikan jawaban yang bermanfaat.
inquiry-consent = Saya setuju Pusat menyimpan pertanyaan saya dan membagikannya kepada penyedia teknologi ini.
inquiry-submit = Kirim pertanyaan
inquiry-sent-title = Terima kasih, pertanyaan Anda telah terkirim
inquiry-sent-text = Kami telah menerima pertanyaan Anda tentang “{ $title }” dan akan meneruskannya kepada penyedia. Kami akan menghubungi Anda melalui surel.
inquiry-sent-back = Kembali ke teknologi

## Kebutuhan teknologi

needs-title = Kebutuhan teknologi
needs-description = Teknologi yang dicari organisasi di negara-negara ASEAN, masing-masing dicocokkan dengan teknologi dari katalog.
needs-lead = Organisasi di negara-negara ASEAN menjelaskan teknologi yang mereka cari; kami mencocokkan setiap kebutuhan dengan katalog.
needs-count = { $n } kebutuhan
needs-empty = Tidak ada kebutuhan yang sesuai dengan filter ini.
need-new-title = Ajukan kebutuhan teknologi
need-new-lead = Jelaskan teknologi yang dicari organisasi Anda. Setiap kebutuhan ditinjau oleh editor sebelum diterbitkan, biasanya dalam dua hari kerja.
need-title = Judul
need-description = Deskripsi
need-description-hint = Masalahnya, skalanya, kendala Anda, dan bentuk kerja sama yang Anda cari.
need-description-short = Jelaskan kebutuhan Anda dalam minimal 40 karakter.
need-field = Bidang
need-country = Negara
need-organisation = Organisasi
need-contact_name = Narahubung
need-contact_email = Surel narahubung
need-consent = Saya setuju Pusat menyimpan kebutuhan ini, menerbitkannya setelah ditinjau, dan membagikan data kontak saya kepada penyedia yang sesuai.
need-submit = Kirim untuk ditinjau
need-submitted-title = Terima kasih, kebutuhan Anda telah kami terima
need-submitted-text = Editor akan meninjau dan menerbitkannya, biasanya dalam dua hari kerja. Kami akan menghubungi Anda melalui surel jika ada pertanyaan.
need-matching-technologies = Teknologi yang dapat memenuhi kebutuhan ini
need-no-matches = Belum ada teknologi yang sesuai. Editor kami akan mencarikan penyedia.
need-contact-note = Untuk dihubungkan dengan organisasi ini, kirim pertanyaan tentang salah satu teknologi yang sesuai atau hubungi Pusat.

## Pencarian situs

search-title = Pencarian
search-result-count = { $n } hasil
search-empty-title = Tidak ada hasil
search-empty-text = Coba kata lain, atau cari dalam bahasa lain: setiap halaman diindeks dalam bahasa Mandarin, Inggris, dan Indonesia.
search-more-technologies = Semua teknologi yang sesuai di katalog
search-more-needs = Semua kebutuhan teknologi yang sesuai
search-more-events = Semua acara yang sesuai
search-more-news = Semua berita yang sesuai
search-more-fellows = Semua peserta program yang sesuai
search-all-kinds = Kembali ke hasil semua jenis
search-kind-technologies = Teknologi
search-kind-needs = Kebutuhan teknologi
search-kind-events = Acara
search-kind-news = Berita
search-kind-fellows = Peserta program
catalog-partial = Tidak ada teknologi yang memuat semua kata “{ $words }” — ditampilkan yang memuat sebagian besar.
catalog-did-you-mean = Mungkin maksud Anda
catalog-page-title = { $searched ->
        [yes] “{ $words }” – teknologi
       *[no] Teknologi
    }{ $filters ->
        [0] {""}
       *[other] {", "}{ $filters } filter
    }{ $page ->
        [1] {""}
       *[other] {", "}halaman { $page }
    }
catalog-filters-summary = { $count ->
        [0] Filter
       *[other] Filter ({ $count } aktif)
    }
catalog-page-past-end = Halaman { $asked } tidak ada: ini halaman terakhir, { $page }.

## What each form says when a field is missing or wrong.
inquiry-error-name = Isi nama Anda agar penyedia tahu siapa yang bertanya.
inquiry-error-organisation = Isi nama perusahaan atau organisasi Anda.
inquiry-error-country = Pilih negara tempat organisasi Anda berada.
inquiry-error-email = Isi alamat surel Anda: jawaban penyedia dikirim ke sana.
inquiry-error-message = Tulis apa yang ingin Anda ketahui, atau apa yang ingin Anda lakukan dengan teknologi ini.
inquiry-error-consent = Centang kotak ini agar kami dapat meneruskan pertanyaan Anda kepada penyedia.
need-error-title = Beri kebutuhan Anda judul singkat, misalnya “Penyimpanan dingin untuk hasil tangkapan ikan”.
need-error-description = Jelaskan masalah yang ingin dipecahkan, di mana, dan dalam skala apa.
need-error-field = Pilih bidang kebutuhan Anda.
need-error-country = Pilih negara tempat teknologi itu dibutuhkan.
need-error-organisation = Isi nama perusahaan atau organisasi Anda.
need-error-contact-name = Isi nama orang yang dapat dihubungi penyedia.
need-error-contact-email = Isi alamat surel tujuan tawaran dari penyedia.
need-error-consent = Centang kotak ini agar kami dapat menerbitkan kebutuhan Anda dan meneruskan tawaran kepada Anda.

## A search longer than the longest there is: its start was searched.
search-shortened = Hanya { $n } karakter pertama pencarian Anda yang dipakai.
