### Die eigenen Fehler des lizenzierten Programms (der Befehl `license`, die Bibliothek).

program-already_applied = TOO_OLD: dieser Antwortcode wurde bereits angewendet (Update { $to_counter }); die Lizenz steht bei Update { $counter }
    .title = Bereits angewendet
    .next = Nichts zu tun: das Update ist installiert. Prüfen Sie `license status`.
    .next-user = Nichts zu tun: das Update ist installiert.
program-no_license = keine Lizenzdatei unter { $path }
    .title = Keine Lizenz
    .next = Führen Sie zuerst `license init --serial SERIAL --product PRODUCT` aus, oder geben Sie mit --license-file (LICENSE_FILE) die Lizenzdatei an.
    .next-user = Registrieren Sie das Programm zuerst mit der Seriennummer aus der Kaufbestätigung.
program-license_exists = unter { $path } gibt es bereits eine Lizenzdatei
    .title = Eine Lizenz ist vorhanden
    .next = Verwenden Sie die vorhandene Lizenz (license status), oder wählen Sie eine andere --license-file.
    .next-user = Das Programm ist auf diesem Computer bereits registriert: verwenden Sie seine Lizenz, wie sie ist.
program-corrupt_license = die Lizenzdatei { $path } ist nicht lesbar: { $reason }
    .title = Lizenzdatei nicht lesbar
    .next = Stellen Sie die Lizenzdatei aus einer Sicherung wieder her, oder wenden Sie sich mit Ihrer Seriennummer an den Support.
program-copied_license = die Lizenzdatei { $path } wurde auf einem anderen Computer erstellt
    .title = Eine Lizenz von einem anderen Computer
    .next = Eine Lizenz ist an den Computer gebunden, auf dem sie installiert wurde. Installieren Sie mit Ihrer Seriennummer auf diesem Computer (license init) und aktivieren Sie sie dort.
    .next-user = Eine Lizenz ist an den Computer gebunden, auf dem sie installiert wurde. Registrieren Sie das Programm auf diesem Computer mit Ihrer Seriennummer und aktivieren Sie es hier.
program-tampered_license = die Lizenzdatei { $path } passt nicht zur signierten Antwort, die sie enthält: { $reason ->
        [no_response] sie gibt Updates an, enthält aber keinen Antwortcode
        [unreadable] ihr Antwortcode ist nicht lesbar
        [another_installation] ihr Antwortcode ist für eine andere Installation
        [signature] die Signatur ihres Antwortcodes ist ungültig
        [ledger] ihr Platzregister oder die zuletzt gesehene Zeit wurde bearbeitet
       *[differs] ihr Zähler oder ihre Berechtigungen weichen von ihrem Antwortcode ab
    }
    .title = Eine veränderte Lizenzdatei
    .next = Stellen Sie die Lizenzdatei aus einer Sicherung wieder her, oder erstellen Sie auf einer neuen Installation einen Anforderungscode und wenden Sie sich an den Support.
program-no_trust = keine vertrauenswürdigen Herstellerschlüssel: { $reason }
    .title = Keine Herstellerschlüssel
    .next = Geben Sie --trust KEYFILE an oder setzen Sie LICENSE_TRUST auf die Vertrauensdatei des Herstellers (seine öffentlichen Schlüssel und Produkte).
    .next-user = Das Programm ist unvollständig installiert: installieren Sie es neu, oder wenden Sie sich an den Support des Herstellers.
program-unknown_product = unbekanntes Produkt '{ $product }'
    .title = Unbekanntes Produkt
    .next = Geben Sie die Nummer des Produkts an, oder einen Namen aus der Vertrauensdatei.
    .next-user = Das Programm ist unvollständig installiert: installieren Sie es neu, oder wenden Sie sich an den Support des Herstellers.
program-server_refused = der Lizenzserver hat die Anfrage abgelehnt: { $detail }
    .title = Vom Lizenzserver abgelehnt
    .next = { $next_step }
program-server_unreachable = der Lizenzserver unter { $url } ist nicht erreichbar: { $reason }
    .title = Keine Verbindung zum Lizenzserver
    .next = Prüfen Sie die Internetverbindung und die Serveradresse; oder verwenden Sie `license create-code` und reichen Sie den Code von einem beliebigen Gerät aus im Lizenzportal ein.
    .next-user = Prüfen Sie die Internetverbindung; oder wählen Sie Code erstellen und senden Sie den Code von einem beliebigen Gerät auf der Lizenzseite des Herstellers ab.
program-io = { $context }: { $reason }
    .title = Eine Datei konnte nicht gelesen oder geschrieben werden
    .next = Prüfen Sie, ob der Pfad existiert und beschreibbar ist, und versuchen Sie es dann erneut.
program-released = diese Lizenz wurde am { $on } freigegeben: dieser Computer hat seinen Platz zurückgegeben (Freigabecode { $code })
    .title = Freigegeben
    .next = Erstellen Sie auf dem neuen Computer einen neuen Anforderungscode: Installieren Sie dort das Programm mit Ihrer Seriennummer (license init) und führen Sie dann license create-code aus. `license release` zeigt den Freigabecode erneut an.
    .next-user = Installieren Sie das Programm auf dem neuen Computer, registrieren Sie es mit Ihrer Seriennummer und aktivieren Sie es dort. Der Freigabecode wird erneut angezeigt, wenn Sie noch einmal freigeben.
program-nothing_to_release = diese Installation hat nie eine Antwort erhalten (sie steht bei Update 0): es gibt nichts freizugeben, und sie belegt keinen Platz auf der Lizenz
    .title = Nichts freizugeben
    .next = Nichts zu tun: Installieren Sie auf dem neuen Computer mit Ihrer Seriennummer (license init) und aktivieren Sie dort.
    .next-user = Nichts zu tun: installieren Sie das Programm auf dem neuen Computer, registrieren Sie es mit Ihrer Seriennummer und aktivieren Sie es dort.
program-unreadable_image = das Bild { $path } ist nicht lesbar: { $reason }
    .title = Das Bild ist nicht lesbar
    .next = Geben Sie ein PNG- oder JPEG-Foto oder einen Screenshot des QR-Codes des Antwortcodes an, oder tippen Sie stattdessen den Antwortcode ein.
program-no_qr_code = im Bild wurde kein QR-Code gefunden
    .title = Kein QR-Code gefunden
    .next = Fotografieren Sie erneut, mit dem ganzen QR-Code im Bild, scharf und ohne Spiegelung, oder tippen Sie stattdessen den Antwortcode ein.
program-several_qr_codes = das Bild enthält { $count } QR-Codes, und nur einer kann die Antwort sein
    .title = Mehrere QR-Codes
    .next = Fotografieren Sie nur den QR-Code des Antwortcodes, oder tippen Sie stattdessen den Antwortcode ein.

program-no_seat_left = alle { $count } Plätze von { $entitlement } sind belegt ({ $used } vergeben)
    .title = Kein Platz frei
    .next = Geben Sie einen Platz frei, den ein Client nicht mehr nutzt (license seats release), oder kaufen Sie weitere: erstellen Sie einen Anforderungscode (license create-code) und senden Sie ihn im Lizenzportal ab; die neue Anzahl gilt sofort.
    .next-user = Geben Sie einen Platz frei, den ein Client nicht mehr nutzt, oder kaufen Sie weitere: wählen Sie Code erstellen und senden Sie den Code auf der Lizenzseite des Herstellers ab; die neue Anzahl gilt sofort.
program-unknown_entitlement = die Lizenz hat keine Anzahl namens '{ $entitlement }', deren Plätze belegt werden könnten (ihre Anzahlen: { $counts })
    .title = Keine solche Anzahl
    .next = Nennen Sie eine der Anzahl-Berechtigungen der Lizenz, wie die Vertrauensdatei sie benennt.
    .next-user = Das Programm fragt nach Plätzen, die die Lizenz nicht zählt: wenden Sie sich an den Support des Herstellers.
program-bad_holder = der Name des Platzinhabers ist nicht verwendbar: { $reason }
    .title = Unbrauchbarer Inhabername
    .next = Geben Sie jedem Client einen Namen von 1 bis 200 Zeichen ohne Steuerzeichen, bei jeder Anforderung denselben.
    .next-user = Wenden Sie sich an den Support des Herstellers: das Programm benennt seine Clients so, dass die Lizenz sie nicht führen kann.
program-clock_behind = die Uhr des Computers zeigt { $now }, aber diese Lizenz hat bereits { $latest_seen } gesehen: die Uhr geht mehr als 48 Stunden nach
    .title = Die Uhr geht nach
    .next = Stellen Sie die Uhr des Computers richtig (Datum, Uhrzeit und Zeitzone) und versuchen Sie es erneut.

## Wie der Befehl einen Fehler ausgibt (die zwei Zeilen nach einem Fehlschlag).

program-report-error = Fehler: { $meaning }
    nächster Schritt: { $next_step }
