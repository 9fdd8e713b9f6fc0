### Die Texte der Seite des Kunden: Überschriften, Beschriftungen, Schaltflächen und Statuszeilen.

## Die Seite des Kunden (code.html)

ui-code-title = Lizenz-Upgrade: Anforderungscode eingeben
ui-code-heading = Ihr Lizenz-Upgrade abholen
ui-code-lead = Geben Sie den Anforderungscode ein, den Ihr Programm erstellt hat (Create Code). Sie erhalten einen Antwortcode, den Sie im Programm eingeben.
ui-request-label = Anforderungscode
ui-request-help = Der Code aus Create Code in Ihrem Programm. Leerzeichen, Bindestriche, Zeilenumbrüche sowie Groß- und Kleinschreibung spielen keine Rolle.
ui-request-file = Step_1_Code.TXT öffnen
ui-status-empty = Tippen oder fügen Sie den Anforderungscode ein, oder öffnen Sie die Datei Step_1_Code.TXT.
ui-status-incomplete = { $complete } von { $total } Gruppen vollständig. Tippen Sie weiter.
ui-status-valid = Der Code ist vollständig und korrekt. Sie können ihn senden.
ui-status-release-incomplete = Ein Freigabecode: { $complete } von { $total } Gruppen vollständig. Tippen Sie weiter.
ui-file-unreadable = { $file } konnte nicht gelesen werden. Öffnen Sie die Datei in einem Texteditor und fügen Sie den Code hier ein.
ui-file-too-large = { $file } ist { $size } KB groß, zu groß für eine Anforderungscode-Datei. Wählen Sie Step_1_Code.TXT, die Datei, die Create Code gespeichert hat (ein paar Zeilen Text).
ui-submit = Code senden
ui-sending = Wird gesendet…
ui-decode-link = Support: einen Code dekodieren
ui-lost-link = Seriennummer verloren?
ui-language = Sprache
ui-checking-signature = Die Signatur der Antwort wird geprüft…
ui-what-to-do = Was zu tun ist:
ui-try-again = Erneut versuchen
ui-response-heading = Ihr Antwortcode
ui-already-issued = Bereits am { $date } ausgestellt: dies ist derselbe Antwortcode wie zuvor.
ui-mailed-to = Eine Kopie ging per E-Mail an den hinterlegten technischen Kontakt, { $to }.
ui-verified = Vom Hersteller signiert (Schlüssel { $key_id }) und auf diesem Gerät geprüft.
ui-changes-heading = Was sich ändert
ui-no-changes = Es ändert sich nichts: das Programm erhält den neuesten Stand.
ui-response-label = Antwortcode
ui-copy = Kopieren
ui-save = In Datei speichern
ui-copied = Kopiert.
ui-copy-refused = Kopieren ist hier nicht erlaubt: Markieren Sie den Code und kopieren Sie ihn, oder verwenden Sie In Datei speichern.
ui-saved = Als Step_2_Response_Code.TXT in Ihren Downloads gespeichert.
ui-save-refused = Dieser Browser hat die Datei nicht gespeichert: Verwenden Sie Kopieren, oder markieren und kopieren Sie den Code.
ui-qr-label = QR-Code des Antwortcodes
ui-qr-caption = Scannen Sie ihn mit der Kamera des Programms, oder halten Sie ihn vor die Webcam des Computers.
ui-enter-in-program = Im Programm: Help → Registration Info → Retrieve a waiting License Upgrade → Enter Code. Das Upgrade wird sofort installiert, ohne Neustart.
ui-released-heading = Lizenz freigegeben
ui-not-found = Seite nicht gefunden
ui-enter-request = Einen Anforderungscode eingeben
