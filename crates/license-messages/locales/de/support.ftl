### Die Texte der Support-Seiten: die Dekodierseite, ihre Feldtabelle (auch
### in der Konsole) und die Suche der Konsole.

## Die Dekodierseite (Support)

support-decode-title = Einen Lizenzcode dekodieren
support-decode-heading = Einen Code dekodieren
support-decode-lead = Für den Support: jedes Feld einer Seriennummer, eines Anforderungscodes oder eines Antwortcodes. Die Dekodierung geschieht in diesem Browser; es wird nichts gesendet.
support-decode-code = Code
support-decode-answers = Der Anforderungscode, den er beantwortet (optional: prüft die Signatur einer Antwort)
support-decode-empty = Fügen Sie eine Seriennummer, einen Anforderungscode oder einen Antwortcode ein.
support-decode-failed = Dieser Code lässt sich nicht dekodieren
support-decode-groups = Gruppen wie gelesen
support-decoded-fields = Dekodierte Felder
support-field-kind = Art
support-field-serial = Seriennummer
support-field-serial-number = Seriennummer als Zahl
support-field-product = Produkt
support-field-key-id = Schlüssel-ID (Installation)
support-field-key-id-released = Schlüssel-ID (freigegebene Installation)
support-field-counter = Gehaltener Update-Zähler
support-field-digest = Prüfsumme der Berechtigungen
support-field-created = Erstellt
support-field-proof = Nachweis
support-field-for-installation = Für Installation
support-field-update = Update
support-field-issued = Ausgestellt
support-field-signed-with = Signiert mit
support-field-signature = Signatur
support-kind-format = { $kind ->
        [serial] Seriennummer
        [response] Antwortcode
        [release] Freigabecode
       *[request] Anforderungscode
    } (Format { $version })
support-unknown-product = { $id } (unbekanntes Produkt)
support-proof = { $proof } (der Server prüft ihn gegen die Antwort, die diese Installation hält)
support-key-id-starting = Schlüssel-ID beginnt mit { $tag }
support-vendor-key = Herstellerschlüssel { $key_id }{ $trusted ->
        [yes] {" "}(vertrauenswürdig)
        [no] {" "}(KEIN Schlüssel dieses Herstellers)
       *[unknown] {""}
    }
support-signature-no-keys = Nicht geprüft: die Schlüssel des Herstellers sind nicht geladen.
support-signature-no-request = Nicht geprüft: Fügen Sie unten den Anforderungscode ein, den sie beantwortet.
support-signature-verified = Geprüft für Seriennummer { $serial } und Schlüssel-ID { $key_id }.
support-signature-other-installation = Passt nicht: dieser Anforderungscode stammt von Schlüssel-ID { $key_id }, diese Antwort ist für eine Schlüssel-ID, die mit { $tag } beginnt.
support-signature-failed = Ungültig: { $reason }.

## Die Suche der Support-Konsole

support-find-label = Suchen
support-find-help = Was der Kunde geschickt hat: eine Seriennummer, einen Anforderungscode, einen Antwortcode oder seine E-Mail-Adresse.
support-find-file = Codedatei öffnen
