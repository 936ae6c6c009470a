## Back office: kerangka dan navigasi

admin-title = Panel pengelola TechBridge
admin-nav-label = Panel pengelola
admin-nav-dashboard = Dasbor
admin-nav-technologies = Teknologi
admin-nav-needs = Kebutuhan teknologi
admin-nav-inquiries = Pertanyaan
admin-nav-events = Acara
admin-nav-news = Berita
admin-nav-fellows = Peserta program
admin-nav-calls = Periode pendaftaran
admin-nav-posts = Posisi di lembaga tuan rumah
admin-nav-applications = Pendaftaran
admin-nav-members = Anggota jaringan
admin-nav-pages = Halaman
admin-nav-media = Media
admin-nav-translations = Terjemahan
admin-nav-editors = Akun
admin-nav-audit = Log audit
admin-nav-outbox = Kotak keluar
admin-logout = Keluar
admin-role-admin = Administrator
admin-role-editor = Editor
admin-role-reviewer = Peninjau

admin-flash-saved = Disimpan.
admin-flash-deleted = Dihapus.
admin-flash-published = Diterbitkan.
admin-flash-unpublished = Penerbitan dibatalkan.
admin-flash-approved = Disetujui.
admin-flash-rejected = Ditolak.
admin-flash-uploaded = Gambar telah diunggah.
admin-flash-logged-out = Anda telah keluar.
admin-flash-pw-changed = Kata sandi telah diubah.
admin-flash-created = Akun telah dibuat.
admin-flash-disabled = Akun telah dinonaktifkan dan semua sesinya telah diakhiri.
admin-flash-enabled = Akun telah diaktifkan.
admin-flash-reviewed = Ditandai sudah diperiksa.
admin-flash-changed = Status telah diubah.
admin-flash-reply-saved = Disimpan.
admin-flash-erased = Data pendaftar telah dihapus.
admin-flash-conflict = Status pendaftaran ini telah diubah orang lain sementara itu; tidak ada yang diubah. Status saat ini ditampilkan di bawah.
admin-flash-in-use = Ini tidak dapat dihapus selama masih ada pendaftaran yang merujuk kepadanya. Batalkan publikasinya, atau hapus pendaftaran tersebut terlebih dahulu.

## Masuk dan akun

admin-login-title = Masuk ke panel pengelola
admin-login-email = Surel
admin-login-password = Kata sandi
admin-login-submit = Masuk
admin-login-failed = Surel atau kata sandi salah.
admin-account-title = Akun saya
admin-change-password = Ubah kata sandi
admin-current-password = Kata sandi saat ini
admin-new-password = Kata sandi baru
admin-initial-password = Kata sandi awal
admin-hint-password = Minimal 12 karakter; hindari kata sandi yang umum.
admin-field-ui-lang = Bahasa panel pengelola
admin-new-editor = Akun baru
admin-create-account = Buat akun
admin-reset-password = Atur kata sandi
admin-disable = Nonaktifkan
admin-enable = Aktifkan
admin-account-active = Aktif
admin-account-disabled = Nonaktif
admin-error-email-taken = Akun dengan alamat surel ini sudah ada.
admin-error-own-account = Anda tidak dapat melakukan tindakan ini pada akun Anda sendiri.
admin-error-wrong-password = Kata sandi saat ini salah.
error-session-expired = Sesi Anda telah berakhir. Silakan masuk kembali.

## Dasbor

admin-tile-new-inquiries = pertanyaan baru
admin-tile-pending-needs = kebutuhan teknologi menunggu persetujuan
admin-tile-expiring = entri kedaluwarsa atau akan kedaluwarsa dalam 30 hari
admin-tile-new-applications = pendaftaran baru
admin-tile-outbox = pesan belum terkirim
admin-translations-summary = Terjemahan
admin-translations-open = Lihat yang perlu diterjemahkan
admin-recent-activity = Aktivitas terbaru
admin-col-language = Bahasa

## Daftar

admin-new = Tambah baru
admin-search = Cari judul
admin-count = { $n } entri
admin-col-title = Judul
admin-col-translations = Terjemahan
admin-col-links = Tautan
admin-col-field = Bidang
admin-col-trl = TRL
admin-col-country = Negara
admin-col-organisation = Organisasi
admin-col-kind = Jenis
admin-col-starts = Mulai
admin-col-published = Diterbitkan
admin-col-name = Nama
admin-col-cohort = Angkatan
admin-col-closes = Ditutup
admin-col-supervisor = Pembimbing
admin-col-key = Kunci
admin-col-received = Diterima
admin-col-from = Dari
admin-col-technology = Teknologi
admin-col-when = Waktu
admin-col-who = Pengguna
admin-col-action = Tindakan
admin-col-what = Objek
admin-col-detail = Rincian
admin-view-public = Lihat di situs
admin-untitled = (tanpa judul)
admin-back-to-list = Kembali ke daftar
admin-back-to-dashboard = Kembali ke dasbor

admin-state-draft = Draf
admin-state-scheduled = Terjadwal
admin-state-published = Diterbitkan
admin-state-expired = Kedaluwarsa
admin-state-pending = Menunggu persetujuan
admin-state-rejected = Ditolak

admin-status-draft = Draf
admin-status-published = Diterbitkan
admin-status-pending = Menunggu persetujuan
admin-status-rejected = Ditolak
admin-status-missing = Belum ada
admin-status-up-to-date = Mutakhir
admin-status-outdated = Tertinggal dari sumbernya
# A language tab's badge once its text has been typed into, before saving.
admin-status-unsaved = Diubah, belum disimpan

## Formulir penyuntingan

admin-new-heading = Tambah { $item } baru
admin-edit-heading = Ubah { $item }
admin-item-technology = teknologi
admin-item-need = kebutuhan teknologi
admin-item-event = acara
admin-item-news = berita
admin-item-fellow = peserta program
admin-item-call = periode pendaftaran
admin-item-post = posisi di lembaga tuan rumah
admin-item-member = anggota jaringan
admin-item-page = halaman
admin-shared-fields = Rincian
admin-texts = Teks dalam setiap bahasa
admin-source = sumber
admin-mark-reviewed = Terjemahan ini telah diperiksa terhadap teks sumber terkini
admin-save = Simpan
admin-preview = Pratinjau
admin-actions = Tindakan
admin-delete = Hapus
admin-hint-markdown = Markdown: ## judul, **tebal**, - butir daftar, [tautan](https://…).
admin-hint-source-lang = Bahasa tempat teks pertama kali ditulis; bahasa lainnya merupakan terjemahannya.
admin-hint-slug = Alamat halaman. Dibuat dari judul bahasa Inggris jika dikosongkan; tidak berubah saat judul diubah.
admin-hint-publish-at = Waktu Nanning (UTC+8). Kosong: sekarang. Waktu di masa mendatang akan menjadwalkan penerbitan.
admin-hint-expires-at = Waktu Nanning (UTC+8). Setelah waktu ini, entri tidak lagi tampil di situs dan menunggu perpanjangan di sini.
admin-hint-trl = 1 (prinsip dasar) hingga 9 (terbukti dalam operasi).
admin-hint-images = Unggah gambar terlebih dahulu di menu Media.
admin-hint-timezone = Nama IANA, mis. Asia/Shanghai, Asia/Jakarta, Asia/Bangkok.
admin-hint-event-time = Waktu setempat di lokasi acara, sesuai zona waktu di atas.
admin-hint-centre-time = Waktu Nanning (UTC+8).
admin-error-ends-before-starts = Waktu selesai tidak boleh sebelum waktu mulai.
admin-error-closes-before-opens = Pendaftaran harus ditutup setelah dibuka.

admin-field-status = Status
admin-field-publish-at = Diterbitkan pada
admin-field-expires-at = Kedaluwarsa pada
admin-field-source-lang = Bahasa sumber
# A text field of one language in the error summary: "Summary (Bahasa Indonesia)".
admin-field-in-language = { $field } ({ $language })
admin-field-slug = Alamat (slug)
admin-field-field = Bidang
admin-field-trl = Tingkat kesiapan (TRL)
admin-field-ip = Kekayaan intelektual
admin-field-modes = Bentuk kerja sama
admin-field-countries = Negara tujuan
admin-field-province = Provinsi penyedia
admin-field-contact-name = Narahubung
admin-field-contact-email = Surel narahubung
admin-field-contact-phone = Telepon narahubung
admin-field-website = Situs web
admin-field-images = Gambar
admin-field-featured = Tampilkan di beranda
admin-field-title = Judul
admin-field-summary = Ringkasan
admin-field-description = Deskripsi
admin-field-scenarios = Skenario penerapan
admin-field-provider = Organisasi penyedia
admin-field-country = Negara
admin-field-organisation = Organisasi
admin-field-kind = Jenis
admin-field-timezone = Zona waktu
admin-field-starts-at = Mulai
admin-field-ends-at = Selesai
admin-field-registration-url = Tautan pendaftaran
admin-field-registration-closes = Pendaftaran ditutup
admin-field-cover = Gambar sampul
admin-field-body = Teks
admin-field-venue = Tempat
admin-field-city = Kota
admin-field-event = Acara terkait
admin-field-name-latin = Nama (huruf Latin)
admin-field-name-zh = Nama Mandarin
admin-field-cohort = Tahun angkatan
admin-field-photo = Foto
admin-field-research = Topik riset
admin-field-home-institution = Lembaga asal
admin-field-host-institution = Lembaga tuan rumah di Guangxi
admin-field-bio = Profil
admin-field-opens-at = Dibuka
admin-field-closes-at = Ditutup
admin-field-decisions-at = Pengumuman hasil
admin-field-call = Periode pendaftaran
admin-field-supervisor = Pembimbing
admin-field-duration = Durasi (bulan)
admin-field-position = Urutan
admin-field-institution = Lembaga tuan rumah
admin-field-lab = Laboratorium
admin-field-member-kind = Jenis anggota
admin-field-member-name = Nama
admin-field-page-key = Kunci halaman
admin-field-role = Peran

form-choose-one-or-more = Pilih minimal satu.
form-number-range = Masukkan angka dalam rentang yang diizinkan.
form-datetime-invalid = Masukkan tanggal dan waktu.
form-date-invalid = Masukkan tanggal.
form-timezone-invalid = Masukkan nama zona waktu seperti Asia/Shanghai.
form-url-invalid = Masukkan alamat web yang diawali dengan https://.
form-slug-invalid = Gunakan hanya huruf kecil, angka, dan tanda hubung.
form-slug-taken = Alamat ini sudah digunakan oleh entri lain.

## Media

media-upload-title = Unggah gambar
media-file = Berkas gambar (JPEG, PNG, atau WebP)
media-file-hint = Maksimal { $n } MB. Gambar berukuran besar akan otomatis diperkecil untuk situs.
media-alt = Teks alternatif
media-alt-required = Deskripsikan gambar dalam minimal satu bahasa, bagi orang yang tidak dapat melihatnya.
media-library = Pustaka
media-upload = Unggah
media-not-image = Berkas ini bukan gambar JPEG, PNG, atau WebP.
media-too-large = Berkas ini lebih besar dari { $n } MB.
media-too-big-dimensions = Gambar ini terlalu besar untuk diproses: paling banyak 8000 piksel per sisi dan 24 megapiksel secara keseluruhan (sekitar 11 megapiksel untuk JPEG progresif, 13 untuk WebP).
media-save-failed = Gambar belum dapat disimpan saat ini (basis data sedang sibuk). Silakan pilih berkas lagi dan unggah; deskripsi yang Anda ketik tetap tersimpan di formulir.
admin-save-failed-text = Perubahan Anda belum dapat disimpan karena basis data sedang sibuk. Tidak ada yang hilang: teks Anda masih ada di formulir di bawah. Silakan simpan lagi sebentar lagi.
admin-save-failed-title = Belum tersimpan
admin-conflict-someone = editor lain
admin-conflict-unchecked = Tidak dicentang
admin-conflict-checked = Dicentang
admin-conflict-empty = (kosong)
admin-conflict-theirs = Yang disimpan sementara itu:
admin-conflict-help = Di bawah setiap kolom yang berbeda, Anda dapat melihat apa yang mereka simpan. Pertahankan yang perlu, lalu simpan lagi: isi formulir saat itu akan menggantikan versi mereka.
admin-conflict-text = { $who } menyimpan { $item } ini pada { $when }, setelah Anda membukanya. Perubahan Anda belum disimpan; semuanya masih ada di formulir di bawah.
admin-conflict-title = Orang lain telah menyimpan ini sementara Anda mengedit
media-busy = Gambar lain sedang diproses. Silakan pilih berkas lagi dan unggah sebentar lagi; deskripsi yang Anda ketik tetap tersimpan di formulir.

## Pertanyaan

admin-inquiry-title = Pertanyaan
admin-inquiry-reply = Balasan yang dikirim
admin-inquiry-reply-hint = Catat jawaban yang diberikan agar rekan kerja dapat melihatnya. Menyimpan balasan akan menandai pertanyaan sebagai sudah dijawab.
admin-inquiry-replied = Balasan dicatat pada
inquiry-status-new = Baru
inquiry-status-answered = Sudah dijawab
inquiry-status-closed = Ditutup

## Pengaturan dan terjemahan

admin-settings-title = Angka utama
admin-settings-intro = Angka yang ditampilkan di beranda dan halaman Tentang kami yang tidak dapat dihitung dari data di sini.
admin-settings-item = halaman pengaturan
admin-translations-intro = Setiap entri dan bahasa: belum ada, mutakhir, atau tertinggal dari teks sumber yang menjadi dasar terjemahannya.
admin-translations-to-do = Perlu diterjemahkan
media-item = gambar
admin-vocabulary-title = Kosakata pencarian
admin-vocabulary-intro = Kata-kata yang bermakna sama dalam ketiga bahasa. Pencarian dengan salah satu kata dalam satu kelompok juga menemukan teknologi yang memuat kata lain dari kelompok itu, diurutkan setelah teknologi yang memuat kata itu sendiri.
admin-vocabulary-groups = Kelompok kata yang berkaitan
admin-vocabulary-add = Tambah kelompok
admin-vocabulary-edit = Ubah
admin-vocabulary-field = Bidang
admin-vocabulary-words-en = Kata dalam bahasa Inggris
admin-vocabulary-words-id = Kata dalam bahasa Indonesia
admin-vocabulary-words-zh = Kata dalam bahasa Mandarin
admin-vocabulary-words-hint = Pisahkan kata atau frasa pendek dengan koma, dalam bentuk dasarnya.
admin-vocabulary-two-words = Satu kelompok memerlukan setidaknya dua kata secara keseluruhan.
admin-vocabulary-too-many = Paling banyak { $n } kata per bahasa.
form-year-invalid = Masukkan tahun dari 2000 sampai 2100, dengan empat angka.
admin-search-too-long = Cari paling banyak { $n } karakter.

## Demo content notice
admin-demo-notice-title = Pemberitahuan konten demo
admin-demo-notice-on = Setiap halaman publik menyatakan bahwa halaman itu menampilkan konten demonstrasi. Hapus pemberitahuan ini setelah konten resmi pusat dimasukkan.
admin-demo-notice-off = Pemberitahuan telah dihapus: halaman publik tidak lagi menyatakan bahwa halaman itu menampilkan konten demonstrasi.
admin-demo-notice-remove = Hapus pemberitahuan
admin-demo-notice-restore = Tampilkan lagi pemberitahuan

## Ekspor daftar
admin-export-csv = Ekspor CSV
admin-export-xlsx = Ekspor XLSX
admin-col-id = ID
admin-col-updated = Terakhir diubah
admin-col-public-url = Halaman publik
admin-col-message = Pesan
admin-col-reply = Balasan
admin-col-replied = Dibalas pada
admin-col-origin = Asal
admin-col-asker-email = Surel penanya
admin-col-answerer-email = Surel penjawab
admin-col-opened = Dibuka
admin-col-forwarded = Diteruskan pada
admin-col-answered = Dijawab pada
admin-col-value = Nilai
admin-col-reviews = Jumlah penilaian

## Impor dari lembar kerja
admin-nav-import = Impor
admin-import-title = Impor teknologi
admin-import-upload-title = Unggah lembar kerja
admin-import-intro = Satu baris per teknologi, satu kolom per isian dan bahasa. Uji coba dijalankan lebih dahulu: semua masalah dicantumkan dan tidak ada yang diubah. Baris dengan referensi penyedia yang sudah pernah diimpor memperbarui teknologi tersebut, bukan menambahkannya lagi.
admin-import-file = Lembar kerja (CSV atau XLSX)
admin-import-file-hint = Paling besar { $n } MB. Mulailah dari templat: templat memuat semua kolom, satu baris contoh, dan nilai yang diizinkan.
admin-import-dry-run = Periksa berkas (uji coba)
admin-import-template-xlsx = Unduh templat (XLSX)
admin-import-template-csv = Unduh templat (CSV)
admin-import-ready-title = Siap diimpor
admin-import-ready = { $new } baru, { $changed } diperbarui
admin-import-run = Impor sekarang
admin-import-done = Impor selesai: { $new } baru, { $changed } diperbarui.
admin-import-problems = Ditemukan { $n } masalah
admin-import-nothing-changed = Tidak ada yang diimpor. Perbaiki berkas lalu unggah lagi.
admin-import-col-row = Baris
admin-import-col-column = Kolom
admin-import-col-problem = Masalah
admin-import-col-code = Kode
admin-import-values-sheet = Nilai yang diizinkan
admin-import-yes = Ya
admin-import-no = Tidak
import-too-large = Berkas ini lebih besar dari { $n } MB.
import-not-spreadsheet = Berkas ini bukan lembar kerja: unggah berkas CSV (UTF-8) atau buku kerja Excel (.xlsx).
import-empty = Berkas ini kosong.
import-too-many-rows = Berkas ini memiliki lebih dari { $value } baris: bagi menjadi beberapa berkas yang lebih kecil.
import-formulas = Sel { $value } berisi rumus. Ganti rumus dengan nilainya lalu unggah lagi.
import-merged = Sel { $value } termasuk sel yang digabung. Pisahkan semua sel lalu unggah lagi.
import-unknown-column = Kolom “{ $value }” tidak dikenal. Gunakan nama kolom dari templat.
import-repeated-column = Kolom “{ $value }” muncul dua kali.
import-missing-columns = Kolom wajib tidak ada: { $value }.
import-unknown-value = “{ $value }” bukan salah satu nilai yang diizinkan (lihat daftar di templat).
import-yes-no = “{ $value }” bukan ya atau tidak.
import-repeated-ref = Referensi penyedia ini sudah dipakai di baris { $value }.
import-expired = Berkas yang diunggah tidak disimpan lagi. Unggah ulang.
import-failed = Impor tidak dapat disimpan; tidak ada yang diubah. Silakan coba lagi.
