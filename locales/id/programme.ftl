## Mendaftar program

apply-title = Pendaftaran Program
apply-amend-title = Lengkapi pendaftaran Anda
apply-intro = Isi semua kolom. Dokumen Anda harus berupa berkas PDF. Anda dapat memeriksa status pendaftaran kapan saja dengan nomor referensi yang akan Anda terima.
apply-reselect-files = Demi keamanan, berkas yang telah Anda lampirkan tidak disimpan saat formulir ditampilkan kembali: silakan pilih kembali berkas tersebut.
apply-section-you = Data diri
apply-section-research = Riset Anda dan posisi yang dilamar
apply-section-documents = Dokumen
apply-name = Nama lengkap (huruf Latin)
apply-name-hint = Sesuai paspor.
apply-email = Surel
apply-nationality = Kewarganegaraan
apply-nationality-other = Negara lain
apply-date-of-birth = Tanggal lahir
apply-date-hint = Format: tahun-bulan-tanggal, mis. 1990-04-17.
apply-degree = Gelar tertinggi
apply-research-years = Lama pengalaman riset (tahun)
apply-field = Bidang riset
apply-institution = Lembaga saat ini
apply-host-post = Posisi yang dilamar
apply-english = Bahasa Inggris
apply-chinese = Bahasa Mandarin
apply-proposal-title = Judul proposal riset
apply-proposal = Proposal riset
apply-proposal-hint = Apa yang ingin Anda teliti di Guangxi, alasannya, caranya, dan hasil yang Anda harapkan (200 sampai 20.000 karakter).
apply-documents-hint = Berkas PDF, masing-masing maksimal { $n } MB.
apply-documents-keep = Biarkan kosong untuk mempertahankan dokumen yang telah Anda kirim sebelumnya, atau pilih berkas PDF baru untuk menggantinya.
apply-cv = Daftar riwayat hidup (PDF)
apply-degree-certificate = Ijazah (PDF)
apply-consent = Saya setuju Pusat memproses data dalam pendaftaran ini untuk menilainya, dan membagikannya kepada lembaga tuan rumah yang saya pilih.
apply-submit = Kirim pendaftaran
apply-resubmit = Kirim ulang pendaftaran
apply-done-title = Pendaftaran Anda telah kami terima
apply-done-reference = Nomor referensi Anda:
apply-done-text = Simpan nomor ini. Dengan nomor ini dan alamat surel Anda, Anda dapat memeriksa status pendaftaran kapan saja. Kami juga telah mengirimkan surel konfirmasi kepada Anda.

apply-error-nationality = Program ini hanya terbuka bagi warga negara salah satu negara anggota ASEAN.
apply-error-age = Pendaftar harus berusia di bawah 45 tahun pada tanggal penutupan periode pendaftaran.
apply-error-degree = Pendaftar bergelar magister wajib memiliki pengalaman riset minimal lima tahun (atau bergelar doktor).
apply-error-language = Pendaftar harus mampu bekerja dalam bahasa Inggris atau Mandarin.
apply-error-proposal-short = Jelaskan proposal Anda dalam minimal 200 karakter.
apply-error-file-required = Lampirkan dokumen ini dalam bentuk berkas PDF.
apply-error-file-too-large = Berkas ini terlalu besar. Batasnya { $n } MB.
apply-error-not-pdf = Berkas ini bukan dokumen PDF.
apply-error-closed = Saat ini tidak ada periode pendaftaran yang dibuka.
apply-error-amend-expired = Tautan ini sudah kedaluwarsa atau pendaftaran tidak dapat diubah saat ini. Silakan periksa kembali pendaftaran Anda.

apply-date_of_birth = Tanggal lahir
apply-degree_file = Ijazah
apply-research_years = Pengalaman riset
apply-host_post = Posisi yang dilamar
apply-english_level = Bahasa Inggris
apply-chinese_level = Bahasa Mandarin
apply-proposal_title = Judul proposal

degree-phd = Doktor (PhD)
degree-master = Magister
level-none = Tidak menguasai
level-basic = Dasar
level-good = Baik
level-fluent = Fasih atau penutur asli
document-cv = CV
document-degree = Ijazah

## Status

status-intro = Masukkan nomor referensi yang Anda terima saat mendaftar, beserta alamat surel Anda.
status-reference = Nomor referensi
status-reference-hint = Misalnya ATS-2027-7K3QD-XM9WR.
status-email = Alamat surel yang digunakan saat mendaftar
status-submit = Periksa status
status-not-found = Kami tidak menemukan pendaftaran dengan nomor referensi dan alamat surel tersebut. Periksa keduanya, lalu coba lagi.
status-for = Pendaftaran { $reference }
status-history = Riwayat
status-amend = Lengkapi dan kirim ulang pendaftaran Anda
status-another = Periksa pendaftaran lain

app-status-submitted = Terkirim
app-status-screening = Pemeriksaan kelayakan
app-status-under_review = Sedang ditinjau
app-status-more_info = Perlu informasi tambahan
app-status-accepted = Diterima
app-status-declined = Tidak terpilih
app-status-text-submitted = Kami telah menerima pendaftaran Anda. Kelayakannya akan segera diperiksa.
app-status-text-screening = Kami sedang memeriksa kelengkapan dan kelayakan pendaftaran Anda.
app-status-text-under_review = Tim peninjau sedang menilai pendaftaran Anda bersama lembaga tuan rumah.
app-status-text-more_info = Tim peninjau memerlukan informasi tambahan dari Anda. Baca pesan mereka di bawah ini, lalu lengkapi dan kirim ulang pendaftaran Anda.
app-status-text-accepted = Selamat, Anda terpilih. Lembaga tuan rumah akan menghubungi Anda mengenai langkah selanjutnya.
app-status-text-declined = Mohon maaf, pendaftaran Anda belum terpilih kali ini. Kami mendorong Anda untuk mendaftar kembali pada periode pendaftaran berikutnya.

## Pesan kepada pendaftar

mail-confirmation-subject = Pendaftaran nomor { $reference } telah kami terima
mail-confirmation-body =
    Yth. { $name },

    Terima kasih telah mendaftar pada Program Ilmuwan Muda Berbakat ASEAN di Guangxi. Nomor referensi Anda adalah { $reference }.

    Anda dapat memeriksa status pendaftaran kapan saja di { $status_url } dengan nomor referensi ini dan alamat surel Anda.

    Hormat kami,
    Pusat Transfer Teknologi China-ASEAN, Nanning
mail-more_info-subject = Pendaftaran { $reference }: perlu informasi tambahan
mail-more_info-body =
    Yth. { $name },

    Tim peninjau memerlukan informasi tambahan mengenai pendaftaran nomor { $reference }:

    { $note }

    Silakan buka { $status_url } untuk melihat pendaftaran Anda, lalu lengkapi dan kirim ulang.

    Hormat kami,
    Pusat Transfer Teknologi China-ASEAN, Nanning
mail-accepted-subject = Pendaftaran { $reference }: Anda terpilih
mail-accepted-body =
    Yth. { $name },

    Dengan senang hati kami sampaikan bahwa pendaftaran nomor { $reference } telah diterima. { $note }

    Lembaga tuan rumah akan menghubungi Anda mengenai langkah selanjutnya.

    Hormat kami,
    Pusat Transfer Teknologi China-ASEAN, Nanning
mail-declined-subject = Pendaftaran { $reference }: hasil seleksi
mail-declined-body =
    Yth. { $name },

    Terima kasih atas minat Anda terhadap program ini. Dengan berat hati kami sampaikan bahwa pendaftaran nomor { $reference } belum terpilih kali ini. { $note }

    Kami mendorong Anda untuk mendaftar kembali pada periode pendaftaran berikutnya.

    Hormat kami,
    Pusat Transfer Teknologi China-ASEAN, Nanning

## Back office: pendaftaran

admin-application-title = Pendaftaran { $reference }
admin-applicant = Pendaftar
admin-documents = Dokumen
admin-history = Riwayat
admin-change-status = Ubah status
admin-message-to-applicant = Pesan untuk pendaftar
admin-message-to-applicant-hint = Wajib diisi saat meminta informasi tambahan; disertakan dalam pesan keputusan. Pendaftar dapat membacanya.
admin-reviews = Skor dan catatan
admin-reviews-private = Hanya dapat dilihat oleh peninjau dan administrator, tidak pernah oleh pendaftar.
admin-review-note = Catatan
admin-add-review = Tambahkan skor dan catatan
admin-messages-sent = Pesan kepada pendaftar
admin-erase-title = Hapus data pendaftar
admin-erase-text = Untuk permintaan terkait privasi: menghapus pendaftaran beserta dokumen, riwayat, skor, dan pesannya. Log audit hanya mencatat bahwa penghapusan telah dilakukan.
admin-erase = Hapus semua data pendaftaran ini
admin-col-reference = No. referensi
admin-col-submitted = Dikirim
admin-col-score = Skor
admin-error-status-transition = Perubahan status ini tidak dapat dilakukan dari status pendaftaran saat ini.
admin-error-more-info-message = Tulis pesan kepada pendaftar yang menjelaskan informasi apa yang diperlukan.
admin-outbox-to = Kepada
admin-outbox-subject = Subjek
admin-outbox-sent = Terkirim
admin-outbox-waiting = Menunggu dikirim
admin-outbox-gave-up = Tidak terkirim: dihentikan setelah { $n } kali gagal (lihat pesan kesalahan di bawah). Kirimkan secara manual.
admin-outbox-smtp = Pesan dikirim melalui surel sesegera mungkin; pengiriman yang gagal akan dicoba ulang.
admin-outbox-no-smtp = Server surel belum dikonfigurasi: pesan menunggu di sini. Tidak ada yang hilang; atur SMTP_URL untuk mengirimnya.

## What each form says when a field is missing or wrong.
apply-error-name = Isi nama lengkap Anda sesuai paspor.
apply-error-email = Isi alamat surel Anda: nomor referensi dan keputusan kami dikirim ke sana.
apply-error-nationality-missing = Pilih kewarganegaraan Anda.
apply-error-date-of-birth = Isi tanggal lahir Anda.
apply-error-degree-missing = Pilih gelar tertinggi Anda.
apply-error-research-years = Isi lama pengalaman riset Anda dalam tahun, angka 0 sampai 60.
apply-error-field = Pilih bidang riset Anda.
apply-error-institution = Isi universitas atau lembaga tempat Anda bekerja.
apply-error-host-post = Pilih posisi tuan rumah yang Anda lamar.
apply-error-english-level = Pilih tingkat kemampuan bahasa Inggris Anda.
apply-error-chinese-level = Pilih tingkat kemampuan bahasa Mandarin Anda.
apply-error-proposal-title = Beri judul proposal riset Anda.
apply-error-proposal = Tulis proposal riset Anda: apa yang akan Anda teliti di Guangxi, bagaimana, dan mengapa penting bagi negara Anda.
apply-error-consent = Centang kotak ini agar kami dapat menilai pendaftaran Anda dan menunjukkannya kepada penilai.
status-error-reference = Isi nomor referensi dari surel konfirmasi Anda (diawali ATS-).
status-error-email = Isi alamat surel yang Anda pakai saat melamar.
