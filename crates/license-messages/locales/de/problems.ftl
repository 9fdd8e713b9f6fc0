### Die Problemdokumente des Lizenzservers (docs/server.md, „Errors“):
### `title`, `detail` und `next_step` jedes `code`.

problem-malformed_code = der Anforderungscode ist beschädigt
    .title = Der Anforderungscode enthält einen Tippfehler
    .title-customer = Der Code enthält einen Tippfehler
    .next = Vergleichen Sie den Code mit dem Original, oder kopieren Sie ihn und fügen Sie ihn ein, statt ihn abzutippen.
    .next-customer = Vergleichen Sie die markierte Gruppe mit dem Code, den das Programm anzeigt, oder verwenden Sie Save to File im Programm und öffnen Sie hier Step_1_Code.TXT.
problem-wrong_kind = dies ist { $found_kind ->
        [serial] eine Seriennummer
        [response] ein Antwortcode
        [release] ein Freigabecode
       *[request] ein Anforderungscode
    }, kein { $expected_kind ->
        [release] Freigabecode
       *[request] Anforderungscode
    }
    .title = Kein Anforderungscode
    .title-customer = Dies ist kein Anforderungscode
    .next = { $found_kind ->
        [response] Dies ist die Antwort des Lizenzportals: Geben Sie sie im Programm ein (Enter Code), nicht hier.
        [serial] Dies ist eine Seriennummer: Installieren Sie damit das Programm und erstellen Sie dann mit dessen Schaltfläche Create Code einen Anforderungscode.
        [release] Dies ist ein Freigabecode: Reichen Sie ihn ein, um den Platz des Computers zurückzugeben (POST /api/v1/releases).
       *[request] Geben Sie stattdessen einen Anforderungscode ein.
    }
    .next-customer = Geben Sie den Anforderungscode ein, den das Programm mit Create Code erstellt hat, oder den Freigabecode, den es beim Umzug erstellt hat. Ein Antwortcode wird im Programm eingegeben, nicht hier.
problem-unknown_version = dieser Anforderungscode verwendet die Formatversion { $version }, die dieser Server nicht kennt
    .title = Unbekanntes Codeformat
    .title-customer = Das Programm ist neuer als diese Seite
    .next = Aktualisieren Sie den Lizenzserver, oder erstellen Sie den Code mit einer Programmversion, die dieser Server liest.
    .next-customer = Laden Sie diese Seite neu; besteht das Problem weiter, wenden Sie sich mit dem Code an den Support.
problem-unknown_serial = keine Lizenz hat die Seriennummer { $serial }
    .customer = der Lizenzserver hat keine Lizenz mit der Seriennummer in diesem Code
    .title = Unbekannte Seriennummer
    .next = Prüfen Sie die Seriennummer in der Bestätigungs-E-Mail Ihres Kaufs; ist sie richtig, wenden Sie sich mit Ihren Kaufdaten an den Support.
problem-wrong_product = die Seriennummer { $serial } ist eine Lizenz für Produkt { $licensed }, der Anforderungscode stammt aber von Produkt { $requested }
    .title = Seriennummer eines anderen Produkts
    .next = Erstellen Sie den Code in dem Programm, für das diese Seriennummer gekauft wurde, oder wenden Sie sich an den Support.
problem-keyid_not_found = KEYID_NOT_FOUND: die Installation { $key_id } ist nicht an die Lizenz { $serial } gebunden{ $released ->
        [yes] {" "}(sie wurde freigegeben)
       *[no] {""}
    }
    .customer = die Lizenz gehört zu einem anderen Computer (KEYID_NOT_FOUND): die Installation { $key_id } ist nicht an die Lizenz { $serial } gebunden{ $released ->
        [yes] {" "}(sie wurde freigegeben)
       *[no] {""}
    }
    .title = Eine andere Installation
    .next = Erstellen Sie den Code auf dem Computer, auf dem die Lizenz installiert ist. Haben Sie die Lizenz auf einen neuen Computer umgezogen, bitten Sie den Support, die alte Installation freizugeben.
problem-installation_limit = die Lizenz { $serial } ist bereits auf { $max_installations ->
        [one] { $max_installations } Computer
       *[other] { $max_installations } Computern
    } installiert, ihrem Limit
    .title = Installationslimit erreicht
    .next = Geben Sie den Computer frei, von dem Sie umziehen: Führen Sie dort `license release` aus (oder Release licence im Programm) und reichen Sie den Freigabecode ein; versuchen Sie es dann erneut. Oder kaufen Sie eine weitere Installation, oder bitten Sie den Support, einen nicht mehr genutzten Computer freizugeben.
    .next-user = Wenn Sie das Programm auf einen neuen Computer umziehen: verwenden Sie auf dem alten die Funktion Lizenz freigeben des Programms und senden Sie den Freigabecode ab; versuchen Sie es dann erneut. Oder kaufen Sie eine weitere Installation, oder bitten Sie den Support, einen nicht mehr genutzten Computer freizugeben.
    .next-customer = Wenn Sie das Programm auf einen neuen Computer umziehen: Verwenden Sie auf dem alten Release licence im Programm, geben Sie hier den angezeigten Freigabecode ein und reichen Sie diesen Code dann erneut ein. Oder bitten Sie den Support, einen nicht mehr genutzten Computer freizugeben, oder kaufen Sie eine weitere Installation.
problem-registration_required = Lizenz { $serial } braucht ihren Registrierungscode, um einen neuen Computer zu registrieren, und dieser Anforderungscode wurde { $given ->
        [yes] mit einem Registrierungscode erstellt, der nicht zu dieser Lizenz gehört
       *[no] ohne Registrierungscode erstellt
    }
    .title = Registrierungscode erforderlich
    .next = Beginnen Sie die Installation erneut mit der Seriennummer und dem Registrierungscode aus der Kaufbestätigung (`license init --serial SERIAL --registration-code CODE`) und erstellen Sie dann einen neuen Anforderungscode. Verloren? Fordern Sie ihn im Portal an („Seriennummer verloren?“) oder beim Support.
    .next-user = Registrieren Sie das Programm erneut mit der Seriennummer und dem Registrierungscode aus der Kaufbestätigung und erstellen Sie dann einen neuen Code. Verloren? Fordern Sie ihn auf der Lizenzseite unter „Seriennummer verloren?“ an, oder fragen Sie den Support.
    .next-customer = Das Programm muss mit der Seriennummer und dem Registrierungscode aus der Kaufbestätigung registriert werden. Geben Sie beides im Programm ein, erstellen Sie einen neuen Anforderungscode und senden Sie ihn hier ab. E-Mail verloren? Nutzen Sie unten „Seriennummer verloren?“: Beides wird an den hinterlegten technischen Kontakt gesendet.
problem-release_proof_mismatch = der Nachweis dieses Freigabecodes passt nicht zur Antwort, die die Installation { $key_id } der Lizenz { $serial } hält
    .title = Freigabecode nicht angenommen
    .next = Geben Sie den Freigabecode genau so ein, wie das Programm ihn angezeigt hat (license release zeigt ihn erneut an); schlägt es weiter fehl, senden Sie ihn an den Support.
    .next-user = Geben Sie den Freigabecode genau so ein, wie das Programm ihn angezeigt hat; schlägt es weiter fehl, senden Sie ihn an den Support.
problem-transfer_limit = die Lizenz { $serial } ist in den letzten 365 Tagen { $limit ->
        [one] einmal
       *[other] { $limit }-mal
    } auf einen anderen Computer umgezogen, ihr Limit für Freigaben durch den Kunden
    .title = Zu viele Umzüge
    .next = Bitten Sie den Support, den alten Computer freizugeben: in der Konsole oder mit `license-server license release`.
    .next-user = Senden Sie den Freigabecode an den Support: er kann den Platz des alten Computers für Sie freigeben.
    .next-customer = Wenden Sie sich mit diesem Freigabecode an den Support: er kann den Platz des alten Computers für Sie freigeben.
problem-up_to_date = diese Installation ist aktuell: sie hat Update { $counter }, das neueste der Lizenz { $serial }
    .customer = das Programm hat bereits jedes Upgrade dieser Lizenz
    .title = Nichts ausstehend
    .title-customer = Es steht nichts aus
    .next = Nichts zu tun: das Programm hat bereits jedes Update. Erwarten Sie eines, warten Sie auf die E-Mail, dass Ihr Kauf bereit ist, und erstellen Sie dann einen neuen Code.
    .next-customer = Nichts zu tun. Erwarten Sie ein Upgrade, warten Sie auf die E-Mail, dass Ihr Kauf bereit ist, und verwenden Sie dann erneut Create Code.
problem-counter_not_issued = der Anforderungscode nennt Update { $counter }, das dieser Installation nie ausgestellt wurde (das neueste ist { $latest })
    .title = Update nie ausgestellt
    .title-customer = Dieser Code passt nicht zum Verlauf der Lizenz
    .next = Erstellen Sie im Programm einen neuen Code und reichen Sie ihn ein; besteht das Problem weiter, senden Sie den Code an den Support.
problem-entitlement_mismatch = die Berechtigungen des Anforderungscodes passen nicht zu denen, die mit Update { $counter } ausgestellt wurden: die Lizenz wurde verändert oder weicht ab
    .title = Die Lizenz passt nicht zu ihrem Verlauf
    .title-customer = Die Lizenz auf diesem Computer weicht von den Daten des Herstellers ab
    .next = Wenden Sie sich an den Support und senden Sie ihm diesen Anforderungscode: die Lizenz auf diesem Computer weicht von den Daten des Herstellers ab.
problem-rate_limited = zu viele Anfragen; versuchen Sie es in { $retry_after } Sekunden erneut
    .customer = der Lizenzserver bittet, { $retry_after } Sekunden zu warten
    .title = Zu viele Anfragen
    .title-customer = Zu viele Versuche
    .next = Warten Sie einen Moment und reichen Sie dann erneut ein.
    .next-customer = Warten Sie einen Moment und tippen Sie dann erneut auf Code senden.
problem-payload_too_large = der Anfragetext ist größer als { $limit } Bytes
    .title = Anfrage zu groß
    .title-customer = Die Seite hat etwas gesendet, das der Server nicht angenommen hat
    .next = Senden Sie nur den Anforderungscode.
    .next-customer = Laden Sie die Seite neu und versuchen Sie es erneut.
problem-unsupported_media_type = der Anfragetext muss JSON sein (Content-Type: application/json)
    .title = Nicht unterstützter Medientyp
    .title-customer = Die Seite hat etwas gesendet, das der Server nicht angenommen hat
    .next = Senden Sie einen JSON-Text mit Content-Type: application/json.
    .next-customer = Laden Sie die Seite neu und versuchen Sie es erneut.
problem-invalid_body = der Anfragetext ist ungültig: { $reason }
    .title = Ungültiger Anfragetext
    .title-customer = Die Seite hat etwas gesendet, das der Server nicht angenommen hat
    .next = Senden Sie die Felder, die dieser Vorgang erwartet (siehe /api/openapi.json), und nichts anderes.
    .next-customer = Laden Sie die Seite neu und versuchen Sie es erneut.
problem-unavailable = die Datenbank ist nicht verfügbar
    .title = Dienst nicht verfügbar
    .title-customer = Der Lizenzserver ist ausgelastet oder nicht erreichbar
    .next = Versuchen Sie es in einer Minute erneut; besteht das Problem weiter, wenden Sie sich an den Hersteller.
    .next-customer = Versuchen Sie es in einer Minute erneut. Ihr Code bleibt hier erhalten.
problem-internal = der Server ist gescheitert; der Fehler wurde protokolliert
    .title = Interner Fehler
    .title-customer = Der Lizenzserver ist gescheitert
    .next = Versuchen Sie es in einer Minute erneut; besteht das Problem weiter, wenden Sie sich an den Hersteller.
    .next-customer = Versuchen Sie es in einer Minute erneut; besteht das Problem weiter, wenden Sie sich an den Support.
problem-unknown = { $detail }
    .title = Der Lizenzserver hat den Code abgelehnt
    .next = { $next_step }
