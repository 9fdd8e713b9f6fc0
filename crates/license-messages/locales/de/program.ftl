### Die eigenen Fehler des lizenzierten Programms (der Befehl `license`, die Bibliothek).

program-already_applied = TOO_OLD: dieser Antwortcode wurde bereits angewendet (Update { $to_counter }); die Lizenz steht bei Update { $counter }
    .title = Bereits angewendet
    .next = Nichts zu tun: das Update ist installiert. Prüfen Sie `license status`.
program-no_license = keine Lizenzdatei unter { $path }
    .title = Keine Lizenz
    .next = Führen Sie zuerst `license init --serial SERIAL --product PRODUCT` aus, oder geben Sie mit --license-file (LICENSE_FILE) die Lizenzdatei an.
program-license_exists = unter { $path } gibt es bereits eine Lizenzdatei
    .title = Eine Lizenz ist vorhanden
    .next = Verwenden Sie die vorhandene Lizenz (license status), oder wählen Sie eine andere --license-file.
program-corrupt_license = die Lizenzdatei { $path } ist nicht lesbar: { $reason }
    .title = Lizenzdatei nicht lesbar
    .next = Stellen Sie die Lizenzdatei aus einer Sicherung wieder her, oder wenden Sie sich mit Ihrer Seriennummer an den Support.
program-copied_license = die Lizenzdatei { $path } wurde auf einem anderen Computer erstellt
    .title = Eine Lizenz von einem anderen Computer
    .next = Eine Lizenz ist an den Computer gebunden, auf dem sie installiert wurde. Installieren Sie mit Ihrer Seriennummer auf diesem Computer (license init) und aktivieren Sie sie dort.
program-tampered_license = die Lizenzdatei { $path } passt nicht zur signierten Antwort, die sie enthält: { $reason ->
        [no_response] sie gibt Updates an, enthält aber keinen Antwortcode
        [unreadable] ihr Antwortcode ist nicht lesbar
        [another_installation] ihr Antwortcode ist für eine andere Installation
        [signature] die Signatur ihres Antwortcodes ist ungültig
       *[differs] ihr Zähler oder ihre Berechtigungen weichen von ihrem Antwortcode ab
    }
    .title = Eine veränderte Lizenzdatei
    .next = Stellen Sie die Lizenzdatei aus einer Sicherung wieder her, oder erstellen Sie auf einer neuen Installation einen Anforderungscode und wenden Sie sich an den Support.
program-no_trust = keine vertrauenswürdigen Herstellerschlüssel: { $reason }
    .title = Keine Herstellerschlüssel
    .next = Geben Sie --trust KEYFILE an oder setzen Sie LICENSE_TRUST auf die Vertrauensdatei des Herstellers (seine öffentlichen Schlüssel und Produkte).
program-unknown_product = unbekanntes Produkt '{ $product }'
    .title = Unbekanntes Produkt
    .next = Geben Sie die Nummer des Produkts an, oder einen Namen aus der Vertrauensdatei.
program-server_refused = der Lizenzserver hat die Anfrage abgelehnt: { $detail }
    .title = Vom Lizenzserver abgelehnt
    .next = { $next_step }
program-server_unreachable = der Lizenzserver unter { $url } ist nicht erreichbar: { $reason }
    .title = Keine Verbindung zum Lizenzserver
    .next = Prüfen Sie die Internetverbindung und die Serveradresse; oder verwenden Sie `license create-code` und reichen Sie den Code von einem beliebigen Gerät aus im Lizenzportal ein.
program-io = { $context }: { $reason }
    .title = Eine Datei konnte nicht gelesen oder geschrieben werden
    .next = Prüfen Sie, ob der Pfad existiert und beschreibbar ist, und versuchen Sie es dann erneut.
program-released = diese Lizenz wurde am { $on } freigegeben: dieser Computer hat seinen Platz zurückgegeben (Freigabecode { $code })
    .title = Freigegeben
    .next = Erstellen Sie auf dem neuen Computer einen neuen Anforderungscode: Installieren Sie dort das Programm mit Ihrer Seriennummer (license init) und führen Sie dann license create-code aus. `license release` zeigt den Freigabecode erneut an.
program-nothing_to_release = diese Installation hat nie eine Antwort erhalten (sie steht bei Update 0): es gibt nichts freizugeben, und sie belegt keinen Platz auf der Lizenz
    .title = Nichts freizugeben
    .next = Nichts zu tun: Installieren Sie auf dem neuen Computer mit Ihrer Seriennummer (license init) und aktivieren Sie dort.
program-unreadable_image = das Bild { $path } ist nicht lesbar: { $reason }
    .title = Das Bild ist nicht lesbar
    .next = Geben Sie ein PNG- oder JPEG-Foto oder einen Screenshot des QR-Codes des Antwortcodes an, oder tippen Sie stattdessen den Antwortcode ein.
program-no_qr_code = im Bild wurde kein QR-Code gefunden
    .title = Kein QR-Code gefunden
    .next = Fotografieren Sie erneut, mit dem ganzen QR-Code im Bild, scharf und ohne Spiegelung, oder tippen Sie stattdessen den Antwortcode ein.
program-several_qr_codes = das Bild enthält { $count } QR-Codes, und nur einer kann die Antwort sein
    .title = Mehrere QR-Codes
    .next = Fotografieren Sie nur den QR-Code des Antwortcodes, oder tippen Sie stattdessen den Antwortcode ein.

## Wie der Befehl einen Fehler ausgibt (die zwei Zeilen nach einem Fehlschlag).

program-report-error = Fehler: { $meaning }
    nächster Schritt: { $next_step }
