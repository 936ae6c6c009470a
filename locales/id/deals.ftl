## Kesepakatan: halaman jawaban, surel yang dikirim, dan papan di kantor belakang.

reply-title = Jawab pertanyaan
reply-lead = Pusat Transfer Teknologi China-ASEAN meneruskan pertanyaan ini kepada Anda. Beri tahu kami apakah Anda berminat; jawaban Anda kami teruskan kepada penanya dalam bahasanya.
reply-lead-interest = Seorang penyedia teknologi menanggapi kebutuhan yang Anda pasang. Beri tahu kami apakah Anda berminat; jawaban Anda kami teruskan dalam bahasa mereka.
reply-asked = Pertanyaan tentang “{ $title }”
reply-asked-interest = Tanggapan atas kebutuhan Anda “{ $title }”
reply-from = Dari
reply-offered = Teknologi yang ditawarkan
reply-written-in = Ditulis dalam
reply-answer = Jawaban Anda
reply-answer-interested = Berminat: kami ingin berdiskusi
reply-answer-question = Ada pertanyaan dulu sebelum memutuskan
reply-answer-declined = Tidak cocok untuk kami
reply-reason = Alasan (jika tidak cocok)
reply-reason-hint = Hanya diperlukan bila jawabannya “tidak cocok untuk kami”.
reply-reason-not_fit = Tidak sesuai dengan teknologi kami
reply-reason-region = Wilayah tidak kami layani
reply-reason-licensed = Sudah dilisensikan
reply-reason-capacity = Belum ada kapasitas saat ini
reply-reason-other = Alasan lain
reply-message = Pesan
reply-message-hint = Wajib untuk “berminat” dan untuk pertanyaan; selain itu boleh dikosongkan. Pesan diteruskan apa adanya.
reply-submit = Kirim jawaban
reply-refused-title = Tautan ini tidak dapat digunakan
reply-link-tampered = Tautan ini bukan dari kami, atau telah diubah. Buka tautan dari surel persis seperti aslinya, atau hubungi pusat.
reply-link-expired = Tautan ini sudah kedaluwarsa. Hubungi pusat dan kami akan mengirim tautan baru.
reply-link-used = Jawaban sudah diberikan melalui tautan ini, atau tautan yang lebih baru menggantikannya. Tidak ada yang diubah.
reply-closed-title = Pertanyaan ini sudah ditutup
reply-deal-signed = Perjanjian untuk pertanyaan ini sudah ditandatangani, jadi jawaban tidak diperlukan lagi. Tidak ada yang diubah.
reply-deal-closed = Pusat telah menutup pertanyaan ini ({ $reason }), sehingga tidak menerima jawaban lagi. Tidak ada yang diubah.
reply-done-title = Terima kasih, jawaban Anda sudah kami terima
reply-done-text = Jawaban Anda sudah kami teruskan. Pusat akan menindaklanjuti dengan kedua pihak.
reply-already-recorded = Jawaban Anda sudah tercatat sebelumnya; tidak dicatat dua kali.

deal-close-reason-declined = ditolak oleh pihak yang menjawab
deal-close-reason-no_reply = tidak ada jawaban
deal-close-reason-not_pursued = tidak dilanjutkan oleh penanya
deal-close-reason-duplicate = duplikat
deal-close-reason-other = alasan lain

deal-mail-forward-subject = Pertanyaan tentang “{ $title }” dari { $organisation } ({ $country })
deal-mail-forward-body =
    Yth. { $name },

    { $asker } dari { $organisation } ({ $country }) mengirim pertanyaan berikut tentang teknologi Anda “{ $title }” melalui Pusat Transfer Teknologi China-ASEAN:

    { $message }
deal-mail-interest-subject = Seorang penyedia menanggapi kebutuhan Anda “{ $title }”
deal-mail-interest-body =
    Yth. { $name },

    { $asker } menawarkan teknologi untuk kebutuhan Anda “{ $title }”: { $offered }

    Pesan mereka:

    { $message }
deal-mail-other-language = Pesan ini ditulis dalam { $language }.
deal-mail-centre-note = Catatan dari pusat: { $note }
deal-mail-reply-link =
    Silakan jawab di halaman ini (tanpa akun; tautan berlaku satu kali selama { $days } hari):
    { $link }
deal-mail-signature = Pusat Transfer Teknologi China-ASEAN, Nanning
deal-mail-reminder-subject = Pengingat: pertanyaan tentang “{ $title }” menunggu jawaban Anda
deal-mail-reminder-body =
    Yth. { $name },

    Dua minggu lalu kami meneruskan pertanyaan dari { $organisation } tentang “{ $title }”. Mereka menunggu jawaban Anda: berminat, ada pertanyaan, atau tidak cocok.
deal-mail-answer-subject = Jawaban tentang “{ $title }”
deal-mail-answer-interested =
    Yth. { $name },

    Kabar baik: pihak lain berminat melanjutkan pembicaraan tentang “{ $title }”.
deal-mail-answer-question =
    Yth. { $name },

    Pihak lain mempunyai pertanyaan tentang “{ $title }” sebelum memutuskan.
deal-mail-answer-declined =
    Yth. { $name },

    Terima kasih atas minat Anda pada “{ $title }”. Pihak lain memutuskan untuk tidak melanjutkannya.
deal-mail-answer-reason = Alasan yang diberikan: { $reason }
deal-mail-answer-message =
    Pesan mereka:

    { $message }
deal-mail-answer-through-centre = Pusat akan menghubungi Anda mengenai langkah selanjutnya. Anda dapat membalas surel ini untuk menghubungi kami.
deal-mail-answer-contact = Anda dapat menulis kepada mereka di { $contact }; pusat juga akan menindaklanjuti.

admin-nav-deals = Kesepakatan
admin-deals-stages = Kesepakatan per tahap
admin-deals-stage = Tahap
admin-deals-month = Bulan dibuka
admin-deals-editor = Editor
admin-deals-caption = Kesepakatan: yang terlambat lebih dulu, lalu yang terakhir berubah
admin-deals-number = Nomor
admin-deals-who = Organisasi
admin-deals-about = Tentang
admin-deals-since = Sejak
deal-overdue = Terlambat
deal-stage-new = Baru
deal-stage-forwarded = Diteruskan
deal-stage-answered = Dijawab
deal-stage-talks = Dalam pembicaraan
deal-stage-signed = Perjanjian ditandatangani
deal-stage-closed = Ditutup
deal-origin-inquiry = pertanyaan
deal-origin-interest = tanggapan atas kebutuhan
admin-deal-title = Kesepakatan #{ $count }
admin-deal-need = Kebutuhan
admin-deal-asker = Diajukan oleh
admin-deal-answerer = Yang menjawab
admin-deal-signed-on = Ditandatangani pada
admin-deal-closed-reason = Ditutup karena
admin-deal-exchange = Riwayat komunikasi
deal-event-received = Pertanyaan diterima
deal-event-interest = Pernyataan minat diterima
deal-event-forwarded = Diteruskan
deal-event-reminded = Pengingat dikirim
deal-event-overdue = Ditandai terlambat
deal-event-answered = Dijawab
deal-event-meeting = Pembicaraan dicatat
deal-event-signed = Perjanjian ditandatangani
deal-event-closed = Ditutup
admin-deal-forward = Teruskan
admin-deal-forward-hint = Surel dalam bahasa pihak yang menjawab dikirim ke { $email } dengan tautan bertanda tangan ke halaman jawaban. Tautan sebelumnya tidak berlaku lagi.
admin-deal-note-to-answerer = Catatan untuk pihak yang menjawab (opsional)
admin-deal-forward-button = Teruskan sekarang
admin-deal-talks = Catat pertemuan atau kunjungan
admin-deal-meeting-kind = Pertemuan atau kunjungan
deal-meeting-meeting = Pertemuan
deal-meeting-visit = Kunjungan
admin-deal-date = Tanggal
admin-deal-note = Catatan (opsional)
admin-deal-talks-button = Catat pembicaraan
admin-deal-sign = Catat perjanjian yang ditandatangani
admin-deal-kind = Jenis perjanjian
deal-kind-licence = Lisensi
deal-kind-joint_venture = Usaha patungan
deal-kind-equipment = Pembelian peralatan
deal-kind-service = Layanan teknis
deal-kind-other = Lainnya
admin-deal-value = Nilai (opsional, bilangan bulat)
admin-deal-currency = Mata uang
admin-deal-sign-button = Catat perjanjian
admin-deal-close = Tutup tanpa perjanjian
admin-deal-close-reason = Alasan
admin-deal-close-button = Tutup kesepakatan
admin-flash-deal-moved = Kesepakatan telah dipindahkan.
admin-flash-deal-taken = Orang lain telah memindahkan kesepakatan ini lebih dulu; tidak ada yang diubah. Tahap saat ini ditampilkan di bawah.
admin-field-contact-lang = Bahasa kontak
admin-hint-contact-lang = Bahasa surel untuk kontak penyedia: kode seperti zh-CN, en, atau id. Kosong: bahasa sumber.
admin-field-via-centre = Hubungi melalui pusat
admin-hint-via-centre = Halaman teknologi tidak menampilkan surel atau telepon: setiap pertanyaan melalui pusat.
tech-contact-via-centre = Melalui Pusat Transfer Teknologi China-ASEAN.
tech-contact-via-centre-link = Kirim pertanyaan

## Angka dan laporan
figure-answered = pertanyaan telah dijawab
figure-countries = negara terjangkau
figure-organisations = organisasi terlayani
figure-note = { $more ->
        [yes] lebih dari { $baseline }
       *[no] { $baseline }
    } hingga { $month }, { $recorded } tercatat sejak itu
figure-set-note = { $more ->
        [yes] lebih dari { $value }
       *[no] { $value }
    }{ $dated ->
        [yes] , per { $month }
       *[no] {""}
    }
figure-month = { $month } { $year }
admin-nav-report = Laporan
report-figures = Angka-angka
report-received = Diterima
report-answered = Dijawab
report-signed = Ditandatangani
report-total = Jumlah
report-col-dimension = Tabel
report-col-key = Kode
report-col-label = Nama
report-by-month = Per bulan
report-by-country = Per negara
report-by-field = Per bidang
report-chart-month = Kesepakatan yang diterima, dijawab, dan ditandatangani dalam dua belas bulan terakhir
report-chart-country = Kesepakatan yang diterima, dijawab, dan ditandatangani per negara
report-chart-field = Kesepakatan yang diterima, dijawab, dan ditandatangani per bidang
report-chart-desc = Tiga batang untuk setiap baris: diterima, dijawab, dan ditandatangani. Tabel di samping grafik memuat angka yang sama.
report-download-csv = Unduh tabel (CSV)
report-baseline = Angka dasar sebelum portal
report-baseline-hint = Angka yang dihitung pusat sebelum ada portal; angka-angka menambahkan yang tercatat di sini. Bulannya ikut ditampilkan, misalnya “653 hingga Mei 2022, 41 tercatat sejak itu”.
report-baseline-agreements = Perjanjian ditandatangani
report-baseline-answered = Pertanyaan dijawab
report-baseline-organisations = Organisasi dilayani
report-baseline-countries = Negara terjangkau
report-baseline-countries-hint = Kode negara dipisahkan spasi, misalnya ID VN TH.
report-baseline-as-of = Dihitung hingga (bulan)
report-baseline-as-of-hint = Tahun dan bulan, misalnya 2022-05. Kosong: angka tidak menampilkan catatan angka dasar.
report-countries-invalid = Gunakan kode negara seperti ID VN TH, dipisahkan spasi.
report-month-invalid = Masukkan bulan dalam format tahun-bulan, misalnya 2022-05.

## Pernyataan minat atas kebutuhan
interest-answer-this-need = Tawarkan teknologi untuk kebutuhan ini
interest-title = Tanggapi kebutuhan “{ $title }”
interest-lead = Beri tahu organisasi tersebut apa yang dapat Anda tawarkan. Editor meninjau setiap tanggapan; setelah itu kami mengirimkannya dalam bahasa mereka dan menindaklanjuti dengan kedua pihak.
interest-organisation = Organisasi Anda
interest-country = Negara
interest-contact_name = Narahubung
interest-email = Surel narahubung
interest-technology = Teknologi dari katalog kami
interest-technology-hint = Teknologi dalam katalog yang cocok dengan kebutuhan ini. Atau jelaskan teknologi Anda di bawah.
interest-technology-none = Tidak ada di sini: saya jelaskan di bawah
interest-technology_text = Penjelasan teknologi Anda
interest-technology-required = Pilih teknologi dari daftar atau jelaskan teknologi Anda.
interest-message = Pesan untuk organisasi tersebut
interest-consent = Saya setuju pusat menyimpan tanggapan ini dan meneruskannya beserta data kontak saya kepada organisasi yang memasang kebutuhan.
interest-submit = Kirim untuk ditinjau
interest-sent-title = Terima kasih, tanggapan Anda sudah kami terima
interest-sent-text = Editor akan meninjaunya, biasanya dalam dua hari kerja, lalu mengirimkannya kepada organisasi tersebut dalam bahasa mereka. Kami akan menghubungi Anda lewat surel.
interest-back = Kembali ke kebutuhan
admin-nav-interests = Tanggapan atas kebutuhan
admin-interests-intro = Pernyataan minat atas kebutuhan yang sudah terbit. Menyetujui satu tanggapan akan mengirimkannya kepada pemasang kebutuhan dalam bahasanya, dengan tautan untuk menjawab, dan membuka kesepakatan.
admin-interests-caption = Tanggapan atas kebutuhan, yang menunggu tinjauan lebih dulu
admin-interest-approve = Setujui dan kirim
admin-interest-reject = Tolak
admin-interest-status-pending = Menunggu
admin-interest-status-approved = Disetujui
admin-interest-status-rejected = Ditolak

## Ringkasan teknologi baru yang cocok dengan kebutuhan
matches-opt-in = Kirimi saya surel, paling banyak sekali sehari, bila ada teknologi baru yang cocok dengan kebutuhan ini.
matches-mail-subject = { $count } teknologi baru cocok dengan kebutuhan Anda “{ $title }”
matches-mail-body =
    Yth. { $name },

    Teknologi berikut terbit di katalog sejak pesan kami sebelumnya dan cocok dengan kebutuhan Anda “{ $title }”:

    { $list }

    Untuk dihubungkan dengan penyedia, kirim pertanyaan dari halaman teknologinya, atau balas surel ini.

    Untuk berhenti menerima pesan ini: { $stop }

    Pusat Transfer Teknologi China-ASEAN, Nanning
matches-stop-title = Berhenti menerima surel tentang kecocokan baru
matches-stop-text = Anda tidak akan lagi menerima surel tentang teknologi baru yang cocok dengan kebutuhan Anda. Kebutuhan Anda tetap terbit.
matches-stop-button = Hentikan surel ini
matches-stopped-title = Selesai: tidak ada lagi surel tentang kecocokan baru
matches-stopped-text = Kebutuhan Anda tetap terbit. Anda dapat meminta pusat untuk mengaktifkannya lagi kapan saja.
matches-stop-invalid = Tautan ini bukan dari kami, atau telah diubah. Tidak ada yang diubah.
admin-deals-auto-forward = Teruskan pertanyaan baru langsung ke penyedia tanpa menunggu editor (tetap melalui pemeriksaan dan batas formulir).

## What each form says when a field is missing or wrong.
interest-error-organisation = Isi nama perusahaan atau organisasi yang menawarkan teknologi.
interest-error-country = Pilih negara tempat organisasi Anda berada.
interest-error-contact-name = Isi nama orang yang dapat dihubungi pemasang kebutuhan.
interest-error-email = Isi alamat surel Anda: jawaban pemasang kebutuhan dikirim ke sana.
interest-error-technology = Pilih salah satu teknologi dalam daftar, atau jelaskan teknologi Anda di bawah.
interest-error-message = Tulis bagaimana teknologi Anda memenuhi kebutuhan ini.
interest-error-consent = Centang kotak ini agar kami dapat meneruskan tawaran Anda kepada pemasang kebutuhan.
reply-error-answer = Pilih jawaban Anda atas pertanyaan ini.
reply-error-reason = Pilih alasan Anda menolak, agar pusat dapat menyarankan jalan lain.
reply-error-message = Tulis jawaban Anda untuk perusahaan: jawaban dikirim persis seperti yang Anda tulis.
