## Kerangka situs: header, navigasi, footer, pemberitahuan

site-name = Pusat Transfer Teknologi China-ASEAN
site-tagline = { -brand }: teknologi untuk ASEAN
skip-to-content = Langsung ke konten utama
lang-switch-label = Bahasa
nav-label = Navigasi utama
nav-home = Beranda
nav-technologies = Teknologi
nav-needs = Kebutuhan teknologi
nav-events = Acara
nav-news = Berita
nav-programme = Ilmuwan muda
nav-about = Tentang kami
breadcrumb-label = Anda berada di sini
search-label = Cari di seluruh situs
search-placeholder = Teknologi, acara, berita…
search-button = Cari
footer-about-title = Profil Pusat
footer-about-text = Pusat Transfer Teknologi China-ASEAN di Nanning, Guangxi, menghubungkan teknologi teruji dari Tiongkok dengan perusahaan, universitas, dan pemerintah di sebelas negara ASEAN.
footer-links-title = Mari Berpartisipasi
footer-feeds-title = Ikuti kami
footer-copyright = © Pusat Transfer Teknologi China-ASEAN, Nanning. Konten boleh digunakan kembali dengan mencantumkan sumbernya.
feed-news-title = Berita (feed Atom)
feed-events-title = Kalender acara (iCalendar)

notice-fallback = Konten ini belum tersedia dalam bahasa Indonesia dan ditampilkan dalam bahasa { $shown ->
        [zh-CN] Mandarin
        [en] Inggris
       *[id] Indonesia
    }.
notice-outdated = Terjemahan ini mungkin sudah tidak mutakhir: teks aslinya telah berubah sejak diterjemahkan.
notice-demo = Konten demonstrasi: selain yang dinyatakan dalam laporan berita Oktober 2022 tentang kerja pusat ini, organisasi, orang, dan acara di situs ini adalah fiktif.

## Halaman dan filter

pagination-label = Halaman
pagination-prev = Sebelumnya
pagination-next = Berikutnya
pagination-position = Halaman { $position }
filter-any = Semua
filter-apply = Terapkan
filter-year = Tahun
filter-event = Acara

## Kesalahan

error-not-found-title = Halaman tidak ditemukan
error-not-found-text = Halaman tersebut tidak dapat kami temukan. Halaman mungkin telah dipindahkan, atau alamatnya salah ketik.
error-bad-request-title = Permintaan tidak dapat dipahami
error-bad-request-text = Permintaan Anda tidak dapat dipahami. Periksa alamatnya, lalu coba lagi.
error-forbidden-title = Tidak diizinkan
error-csrf-text = Formulir ini dikirim dari situs lain atau sudah kedaluwarsa. Silakan kembali, muat ulang halaman, lalu coba lagi.
error-forbidden-text = Anda tidak memiliki izin untuk melakukan tindakan ini.
error-too-many-title = Terlalu banyak permintaan
error-too-many-text = Anda mengirim terlalu banyak permintaan dalam waktu singkat. Silakan tunggu beberapa menit, lalu coba lagi.
error-too-large-title = Terlalu besar
error-too-large-text = Data yang Anda kirim melebihi batas ukuran yang kami terima.
error-timeout-title = Waktu habis
error-timeout-text = Permintaan Anda terlalu lama sampai ke server. Periksa koneksi Anda lalu coba lagi.
error-unavailable-title = Sementara tidak tersedia
error-unavailable-text = Portal saat ini tidak dapat terhubung ke basis data. Silakan coba lagi sesaat lagi.
error-busy-text = Saat ini banyak orang sedang masuk. Silakan coba lagi beberapa detik lagi.
error-internal-title = Terjadi kesalahan
error-internal-text = Terjadi kesalahan tak terduga di sistem kami. Kesalahan ini telah dicatat; silakan coba lagi nanti.
error-home-link = Ke beranda

## Formulir

form-required = Kolom ini wajib diisi.
form-required-mark = (wajib)
form-too-long = Isian ini terlalu panjang.
form-too-long-n = Isian ini terlalu panjang: paling banyak { $n } karakter.
form-max-chars = Paling banyak { $n } karakter.
form-choose = Silakan pilih salah satu opsi.
form-choose-option = Pilih…
form-email-invalid = Masukkan alamat surel seperti nama@example.org.
form-consent-required = Harap berikan persetujuan agar kami dapat memproses pesan Anda.
form-honeypot = Biarkan kolom ini kosong
form-error-summary = Terdapat { $n } kesalahan pada formulir
# One line of an error summary: the field's name and what is wrong.
form-error-item = { $field }: { $message }
# Tempat dan negaranya: "Guangxi, Tiongkok".
place-in-country = { $place }, { $country }
# Organisasi dan negaranya dalam daftar.
org-in-country = { $organisation }, { $country }
# Judul halaman beserta pokoknya.
heading-about = { $title }: { $subject }
# Teks dengan keterangan dalam kurung.
text-with-aside = { $text } ({ $aside })
# Pemisah antarbutir dalam daftar: "Indonesia, Vietnam".
list-separator = { ", " }
# Tingkat kesiapan dan namanya: "TRL 7 — ...".
trl-named = { $level } — { $name }

## Format

fmt-date = { $day } { $monthname } { $year }
fmt-date-time = { $date }, pukul { $time }
fmt-time = { $h }.{ $m }
fmt-kilobytes = { $n } KB
fmt-group-separator = { "." }
month-1 = Januari
month-2 = Februari
month-3 = Maret
month-4 = April
month-5 = Mei
month-6 = Juni
month-7 = Juli
month-8 = Agustus
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Desember

## Akun

password-too-short = Kata sandi minimal 12 karakter.
password-too-common = Kata sandi ini terlalu umum atau mudah ditebak. Pilih kata sandi lain.

## Time zones named in the page's language (events show times in their own zone).
fmt-time-span-day = { $date }, pukul { $from }–{ $to }
fmt-time-span = { $from } – { $to }
fmt-zone = { $zone } (UTC{ $offset })
zone-Asia-Shanghai = Waktu Standar Tiongkok
zone-Asia-Chongqing = Waktu Standar Tiongkok
zone-Asia-Hong_Kong = Waktu Hong Kong
zone-Asia-Jakarta = Waktu Indonesia Barat (WIB)
zone-Asia-Pontianak = Waktu Indonesia Barat (WIB)
zone-Asia-Makassar = Waktu Indonesia Tengah (WITA)
zone-Asia-Jayapura = Waktu Indonesia Timur (WIT)
zone-Asia-Bangkok = Waktu Indochina (Bangkok)
zone-Asia-Ho_Chi_Minh = Waktu Indochina (Kota Ho Chi Minh)
zone-Asia-Phnom_Penh = Waktu Indochina (Phnom Penh)
zone-Asia-Vientiane = Waktu Indochina (Vientiane)
zone-Asia-Kuala_Lumpur = Waktu Malaysia
zone-Asia-Kuching = Waktu Malaysia
zone-Asia-Singapore = Waktu Singapura
zone-Asia-Manila = Waktu Filipina
zone-Asia-Yangon = Waktu Myanmar
zone-Asia-Brunei = Waktu Brunei
zone-Asia-Dili = Waktu Timor Leste
zone-UTC = Waktu Universal Terkoordinasi
zone-Etc-UTC = Waktu Universal Terkoordinasi

## The privacy notice, linked from the footer and every form.
privacy-link = Pemberitahuan privasi
privacy-description = Apa yang disimpan TechBridge dari pertanyaan, kebutuhan, tawaran, dan pendaftaran, untuk apa, berapa lama, dan bagaimana meminta penghapusannya.
form-privacy-hint = Kami memakai apa yang Anda kirim hanya untuk permintaan ini.
form-privacy-link = Apa yang kami simpan, dan berapa lama

## On a card whose text is in another language than the page.
card-in-language = Dalam { $shown }
