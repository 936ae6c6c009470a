## Pemberitahuan lewat surel untuk pengunjung (tanpa akun).

alerts-follow = Dapatkan hasil baru lewat surel
alerts-title = Pemberitahuan lewat surel
alerts-lead = Kami mengirimi Anda surel bila ada yang baru terbit, harian atau mingguan, dalam bahasa ini. Tanpa akun; setiap pesan memuat tautan untuk berhenti.
alerts-topic = Yang diikuti
alerts-topic-technologies = teknologi baru untuk pencarian ini
alerts-topic-needs = kebutuhan teknologi baru
alerts-topic-calls = panggilan program baru
alerts-topic-events = acara baru
alerts-filters-kept = Kata kunci dan filter dari halaman asal Anda tetap dipakai.
alerts-filters-see = Lihat halaman itu
alerts-frequency = Seberapa sering
alerts-frequency-daily = Harian
alerts-frequency-weekly = Mingguan
alerts-email = Alamat surel
alerts-email-hint = Kami lebih dulu mengirim pesan untuk memastikan alamat ini milik Anda; tidak ada pesan lain sebelum Anda mengonfirmasi.
alerts-submit = Berlangganan
alerts-limit = Alamat ini sudah memiliki { $n } pemberitahuan, jumlah terbanyak untuk satu alamat. Hentikan salah satunya dulu dengan tautan di pesannya.
alerts-too-many = Hari ini kami sudah mengirim beberapa pesan konfirmasi ke alamat ini. Silakan konfirmasi salah satunya, atau coba lagi besok.
alerts-sent-title = Silakan periksa surel Anda
alerts-sent-text = Kami telah mengirim pesan berisi tautan untuk mengonfirmasi pemberitahuan ini. Sebelum Anda mengonfirmasi, tidak ada pesan lain yang dikirim.
alerts-link-title = Tautan ini tidak dapat digunakan
alerts-link-tampered = Tautan ini bukan dari kami, atau telah diubah. Tidak ada yang diubah.
alerts-link-expired = Tautan konfirmasi ini sudah kedaluwarsa. Silakan berlangganan lagi.
alerts-confirm-title = Konfirmasi pemberitahuan Anda
alerts-confirm-text = Tekan tombol untuk mulai menerima pemberitahuan di alamat ini.
alerts-confirm-button = Konfirmasi
alerts-confirmed-title = Pemberitahuan Anda sudah dikonfirmasi
alerts-confirmed-text = Anda akan menerima surel bila ada yang baru terbit. Setiap pesan memuat tautan untuk berhenti.
alerts-unsubscribe-title = Hentikan pemberitahuan ini
alerts-unsubscribe-text = Tekan tombol dan Anda tidak akan menerima pesan lagi dari pemberitahuan ini.
alerts-unsubscribe-button = Hentikan pemberitahuan
alerts-unsubscribed-title = Pemberitahuan dihentikan
alerts-unsubscribed-text = Anda tidak akan menerima pesan lagi darinya. Anda dapat berlangganan lagi kapan saja.
alerts-mail-confirm-subject = Mohon konfirmasi pemberitahuan TechBridge Anda
alerts-mail-confirm-body =
    Halo,

    Seseorang, mungkin Anda, meminta surel ({ $how }) tentang { $what } di TechBridge:
    { $page }

    Untuk mengonfirmasi, buka tautan ini dalam { $days } hari dan tekan tombolnya:
    { $confirm }

    Jika bukan Anda, abaikan saja: tanpa konfirmasi kami tidak mengirim apa pun lagi.

    Untuk menolaknya sekarang: { $stop }

    Pusat Transfer Teknologi China-ASEAN, Nanning
alerts-mail-digest-subject = { $count } hal baru: { $what }
alerts-mail-digest-body =
    Halo,

    Terbit sejak pesan kami sebelumnya ({ $what }):

    { $list }

    Semuanya: { $page }

    Untuk berhenti menerima pesan ini: { $stop }

    Pusat Transfer Teknologi China-ASEAN, Nanning

## What each form says when a field is missing or wrong.
alerts-error-email = Isi alamat surel tujuan kabar terbaru.
alerts-error-topic = Pilih apa yang ingin Anda ikuti.
alerts-error-frequency = Pilih seberapa sering Anda ingin menerima kabar.
