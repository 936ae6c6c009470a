# Penilaian program ilmuwan muda: penugasan, konflik kepentingan, rubrik,
# penilaian buta, pengingat, keputusan massal, laporan.

app-status-waitlisted = Daftar tunggu
app-status-text-waitlisted = Pendaftaran Anda masuk daftar tunggu. Kami akan menulis kepada Anda jika ada tempat yang kosong.

review-call-title = Penilaian: { $call }
review-call-link = Penilai, rubrik, dan peringkat
review-report-link = Laporan program

## Settings
review-settings-title = Pengaturan penilaian
review-blind = Penilaian buta
review-blind-hint = Penilai tidak melihat nama, foto, surel, institusi, atau nama berkas pelamar. Administrator melihat semuanya.
review-setting-review_deadline = Batas waktu penilaian
review-setting-reminder_days = Berapa hari sebelum batas waktu penilai diingatkan
review-setting-reviewers_per_application = Penilai per pendaftaran
review-error-date = Masukkan tanggal sebagai YYYY-MM-DD, atau kosongkan.

## Rubric
review-rubric-title = Rubrik
review-rubric-hint = Setiap penilai memberi nilai 1 sampai 5 untuk setiap kriteria. Total berbobot adalah jumlah nilai × bobot dibagi jumlah bobot, sehingga tetap pada skala 1–5.
review-weight-label = Bobot
review-label-in = Label dalam { $language }
review-weight = bobot { $weight }
review-error-weights-zero = Setidaknya satu kriteria harus berbobot lebih dari nol.

## Reviewers and assignment
review-reviewers-title = Penilai dan bidangnya
review-no-reviewers = Belum ada akun penilai yang aktif.
review-load = { $n } pendaftaran dalam panggilan ini
review-save-fields = Simpan bidang
review-assign-title = Penugasan
review-auto-hint = Memberi setiap pendaftaran yang sedang dinilai { $n } penilai: yang paling sedikit tugasnya lebih dahulu, di antara yang setara diutamakan yang menguasai bidangnya, tidak pernah penilai yang menyatakan konflik.
review-auto = Tugaskan otomatis
review-assign = Tugaskan
review-assign-caption = Penilai setiap pendaftaran
review-assigned = Penilai yang ditugaskan
review-none-assigned = Belum ada
review-declared = menyatakan tidak ada konflik
review-pending = pernyataan belum diisi
review-unassign = Hapus
review-unassign-label = Hapus { $reviewer } dari { $reference }
review-error-already-assigned = Penilai ini sudah ditugaskan pada pendaftaran ini.
review-error-conflicted = Penilai ini menyatakan konflik kepentingan dengan pendaftaran ini.

## Conflicts of interest
review-declare-title = Pernyataan kepentingan: { $reference }
review-declare-intro = Sebelum membuka pendaftaran ini, nyatakan apakah Anda memiliki konflik kepentingan dengan pelamar.
review-declare-facts = Tentang pendaftaran
review-declare-question = Apakah Anda memiliki konflik kepentingan?
review-declare-none = Tidak, saya tidak memiliki konflik kepentingan
review-conflict-reason-institution = Ya: institusi yang sama
review-conflict-reason-collaborator = Ya: rekan kerja sama
review-conflict-reason-other = Ya: alasan lain
review-declare-note = Catatan
review-declare-note-hint = Wajib untuk "alasan lain". Hanya administrator yang membacanya.
review-declare-submit = Kirim pernyataan
review-error-declare = Pilih satu jawaban.
review-error-note = Jelaskan alasan lainnya.
review-conflicts-title = Konflik kepentingan yang dinyatakan
review-conflict-line = { $reviewer } menyatakan konflik dengan { $reference } ({ $reason }).
review-conflict-mail-subject = Konflik kepentingan dinyatakan untuk { $reference }
review-conflict-mail-body =
    { $reviewer } menyatakan konflik kepentingan dengan pendaftaran { $reference }: { $reason }.

    { $note }

    Penugasan telah dihapus. Tugaskan penilai lain di sini:
    { $url }

## Scores
review-scores-caption = Nilai per penilai
review-col-reviewer = Penilai
review-col-total = Total berbobot
review-comment = Komentar
review-earlier-scores = Nilai tunggal yang diberikan sebelum rubrik
review-your-scores = Nilai Anda (1 = lemah, 5 = sangat baik)
review-score-choose = Pilih nilai
review-error-score = Pilih nilai dari 1 sampai 5.
review-blind-notice = Penilaian buta: nama, kontak, dan nama berkas pelamar disembunyikan.
review-blind-name = (disembunyikan)

## Ranking
review-ranking-title = Peringkat
review-ranking-hint = Rata-rata total berbobot para penilai (1–5); sebarannya adalah total terendah dan tertinggi.
review-col-rank = Peringkat
review-col-assigned = Penilai ditugaskan
review-col-reviews = Penilaian selesai
review-col-mean = Rata-rata
review-col-min = Terendah
review-col-max = Tertinggi
review-col-declared = Sudah menyatakan
review-col-done = Selesai

## More information
review-requested-documents = Dokumen yang diminta
review-requested-documents-hint = Dengan "perlu informasi tambahan": satu dokumen per baris. Pelamar mendapat kolom unggah untuk masing-masing.

## Batch decisions
review-col-select = Pilih
review-select-one = Pilih { $reference }
review-batch-title = Keputusan untuk pendaftaran yang dipilih
review-batch-decision = Keputusan
review-batch-choose = Pilih keputusan
review-batch-preview = Pratinjau surat
review-error-decision = Pilih keputusan.
review-error-empty-batch = Pilih setidaknya satu pendaftaran.
review-decide-title = Keputusan: { $decision }
review-decide-intro = Setiap pelamar akan menerima surat ini dalam bahasanya. Belum ada yang dikirim.
review-decide-skipped = Dilewati: pendaftaran ini tidak dapat menerima keputusan ini sekarang (status: { $status }).
review-decide-confirm = { $count ->
    [0] Catat keputusan (tidak ada surat untuk dikirim)
   *[other] Catat keputusan dan kirim { $n } surat
}
review-host-post = { $institution }, { $lab }
review-letter-accepted-subject = Pendaftaran { $reference }: Anda terpilih
review-letter-accepted-body =
    Yth. { $name },

    Dengan senang hati kami memberitahukan bahwa pendaftaran Anda { $reference } untuk { $call } telah diterima.

    Posisi tuan rumah: { $post }

    Institusi tuan rumah akan menghubungi Anda mengenai langkah selanjutnya.

    Pusat Transfer Teknologi China-ASEAN, Nanning
review-letter-waitlisted-subject = Pendaftaran { $reference }: daftar tunggu
review-letter-waitlisted-body =
    Yth. { $name },

    Pendaftaran Anda { $reference } untuk { $call } masuk daftar tunggu untuk posisi tuan rumah { $post }.

    Kami akan menulis kembali jika ada tempat yang kosong.

    Pusat Transfer Teknologi China-ASEAN, Nanning
review-letter-declined-subject = Pendaftaran { $reference }: keputusan
review-letter-declined-body =
    Yth. { $name },

    Terima kasih telah mendaftar ke { $call }. Dengan menyesal kami memberitahukan bahwa pendaftaran Anda { $reference } belum terpilih kali ini.

    Kami mendorong Anda untuk mendaftar lagi pada panggilan berikutnya.

    Pusat Transfer Teknologi China-ASEAN, Nanning
review-fellow-period = Ditampung selama { $months } bulan, angkatan { $year }.

## Reminders
review-reminder-subject = Penilaian belum selesai: { $reference }
review-reminder-body =
    Yth. { $name },

    Penilaian Anda atas pendaftaran { $reference } belum selesai. Batas waktu penilaian adalah { $deadline }.

    { $url }

    Pusat Transfer Teknologi China-ASEAN, Nanning

## Report
review-report-title = Laporan program: { $call }
review-report-total = { $n } pendaftaran
review-report-by-country = Pendaftaran menurut negara
review-report-by-field = Pendaftaran menurut bidang
review-report-by-status = Pendaftaran menurut status
review-report-chart-desc = Diagram batang { $n } pendaftaran; tabel di bawah memuat angka yang sama.
review-report-reviewers = Kemajuan penilai
review-report-reviewers-desc = Diagram batang penilaian yang telah diselesaikan setiap penilai; tabel di bawah juga memuat penugasan dan pernyataannya.
review-report-col-table = Tabel
review-report-col-code = Kode
review-report-col-name = Nama
review-report-col-count = Jumlah

## Letters per call
review-letters-title = Surat keputusan panggilan ini
review-letters-hint = Kosongkan kedua kolom untuk memakai surat standar. Dalam teks Anda sendiri, {"{"}name{"}"}, {"{"}reference{"}"}, {"{"}call{"}"}, dan {"{"}post{"}"} diganti dengan nama pelamar, nomor referensi, judul panggilan, dan posisi tuan rumah.
review-letter-subject = Subjek
review-letter-body = Isi surat
