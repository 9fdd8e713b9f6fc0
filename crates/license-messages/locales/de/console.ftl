### Die Texte der Support-Konsole (/console/): Anmeldung, Suche und was sie
### findet, eine Lizenz und die Werkzeuge des Administrators. Rollennamen
### (admin, support), Aktionen im Audit-Protokoll (license.language) und die
### Kanäle der API bleiben, wie sie sind: so stehen sie in der API, auf der
### Kommandozeile und in den Protokollen.

## An- und Abmelden

console-title = Lizenzkonsole
console-loading = Wird geladen…
console-sign-in-lead = Für die Support- und Vertriebsmitarbeiter des Herstellers.
console-email = E-Mail
console-password = Passwort
console-sign-in = Anmelden
console-signing-in = Anmeldung…
console-sign-out = Abmelden
console-who = { $email } ({ $role })
console-set-password-heading = Passwort festlegen
console-set-password-lead = Dieser Link funktioniert nur einmal. Wählen Sie ein Passwort mit mindestens 10 Zeichen.
console-new-password = Neues Passwort
console-password-again = Noch einmal dasselbe
console-passwords-differ = Die beiden Passwörter stimmen nicht überein.
console-set-password = Passwort festlegen
console-password-set = Ihr Passwort ist festgelegt.

## Die Suche und was sie findet

console-find = Suchen
console-finding = Suche läuft…
console-find-empty = Fügen Sie eine Seriennummer, einen Anforderungs- oder Antwortcode oder die E-Mail-Adresse eines Kontakts ein.
console-find-incomplete = { $complete ->
        [one] 1 Gruppe vollständig
       *[other] { $complete } Gruppen vollständig
    }. Tippen Sie weiter.
console-find-whole = { $kind ->
        [serial] Eine vollständige Seriennummer
        [response] Ein vollständiger Antwortcode
        [release] Ein vollständiger Freigabecode
       *[request] Ein vollständiger Anforderungscode
    }: Klicken Sie auf Suchen.
console-find-in-text = { $kind ->
        [serial] Eine Seriennummer
       *[request] Ein Anforderungscode
    } im Text gefunden: { $code }. Klicken Sie auf Suchen.
console-contact-none = Keine Lizenz hat { $email } als Kontakt. Prüfen Sie die Schreibweise, oder fragen Sie den Kunden nach der Seriennummer (die Seite „Seriennummer verloren“ schickt sie an die hinterlegte Adresse).
console-find-email = Eine E-Mail-Adresse: Klicken Sie auf Suchen, um die Lizenzen dieses Kontakts aufzulisten.
console-every-field = Alle Felder des Codes
console-request-heading = Anforderungscode der Installation { $key_id }
console-not-bound = Noch nicht an diese Lizenz gebunden: eine neue Installation, die einen der Plätze der Lizenz belegt.
console-released-on = Freigegeben am { $date }: Die Lizenz zählt sie nicht mehr, und sie erhält keine Updates mehr.
console-bound-since = Gebunden seit { $date }.
console-holds-nothing = Hat noch nichts (Update 0).
console-holds = Hat Update { $counter }: { $entitlements }.
console-claims = Gibt Update { $counter } an, das diese Lizenz nie hatte.
console-diverged = Ihre Berechtigungen weichen von dem ab, was mit diesem Update ausgestellt wurde: Die Lizenz auf diesem Computer wurde geändert oder ist abgewichen. Klären Sie das mit dem Kunden, bevor Sie antworten.
console-waiting = Update { $counter } wartet auf sie.
console-holds-since = Der Code wurde mit Update { $counter } erstellt; seitdem wurde Update { $sent } an diese Installation gesendet.
console-answered-now = Beantwortet: Die Antwort unten gibt Update { $to } ({ $changes }). Senden Sie sie dem Kunden, oder er gibt den Code im Portal ein und erhält dieselbe Antwort.
console-answer-again = Seine Antwort erneut anzeigen
console-response-for-customer = Der Antwortcode für den Kunden
console-answered-before = Dieser Code wurde schon beantwortet: Erneutes Einreichen ergibt dieselbe Antwort (Update { $from } → { $to }: { $changes }).
console-would-give = Das Einreichen ergäbe Update { $to }: { $changes }.
console-nothing-changes = nichts ändert sich
console-page-would-say = Die Seite des Kunden würde sagen: { $title }
console-answer = Diesen Code für den Kunden beantworten
console-answering = Antwort wird erstellt…
console-response-heading = Antwortcode
console-response-unknown = Dieser Server hat diesen Antwortcode nicht ausgestellt: Er steht im Verlauf keiner Lizenz.
console-response-issued = Ausgestellt am { $date } { $channel ->
        [portal] über die Seite des Kunden
        [online] über Get it now im Programm
        [console] über die Konsole
       *[mail] über das Postfach (ein Anforderungscode per E-Mail)
    } von { $actor }; bringt Installation { $key_id } von Update { $from } auf { $to }. { $latest ->
        [yes] Es ist weiterhin die neueste Antwort für diese Installation.
       *[no] Seitdem wurde dieser Installation eine neuere Antwort ausgestellt.
    }
console-release-heading = Freigabecode der Installation { $key_id }
console-release-never = Diese Lizenz hat diese Installation nie gebunden: Der Freigabecode gibt nichts frei.
console-released-by = Freigegeben am { $date } von { $actor }.
console-released-by-staff = Freigegeben am { $date } durch Mitarbeiter.
console-still-bound = Noch gebunden: Das Einreichen des Freigabecodes auf der Seite des Kunden gibt ihren Platz frei (im Rahmen des Übertragungslimits der Lizenz); ein Administrator kann sie hier ohne Limit freigeben.
console-contact-heading = Lizenzen dieses Kontakts
console-contact-licence = { $product }: { $bound } von { $max } Installationen, Update { $counter }

## Eine Lizenz

console-licence-heading = { $product }-Lizenz { $serial }
console-contact = Kontakt
console-installations = Installationen
console-installations-used = { $bound } von { $max } belegt
console-latest-update = Neuestes Update
console-created = Erstellt
console-entitlements-now = Aktuelle Berechtigungen
console-updates = Updates
console-update = Update { $counter }
console-update-by = am { $date } von { $actor }: { $changes }
console-flag = { $on ->
        [yes] ja
       *[no] nein
    }
console-no-value = keiner
console-key-id = Schlüssel-ID
console-bound = Gebunden
console-last-sent = Zuletzt gesendetes Update
console-status = Status
console-actions = Aktionen
console-installation-released = freigegeben { $date }
console-installation-waiting = ein Update wartet
console-installation-up-to-date = aktuell
console-no-installations = Noch keine: Es wurde noch kein Computer aktiviert.
console-responses-issued = Ausgestellte Antworten
console-mail-off = Dieser Server versendet keine E-Mails (ohne --smtp-url gestartet), daher können Antworten von hier aus nicht an den Kontakt gesendet werden.
console-when = Wann
console-channel = Kanal
console-by = Von
console-update-column = Update
console-codes-column = Anforderungs- und Antwortcodes
console-channel-name = { $channel ->
        [portal] Portal
        [online] online
        [console] Konsole
       *[mail] E-Mail
    }
console-codes = Codes
console-request-code = Anforderungscode
console-response-code = Antwortcode
console-none-yet = Noch keine.
console-audit-log = Audit-Protokoll
console-who-column = Wer
console-what = Was
console-detail = Details
console-nothing-yet = Noch nichts.
console-release = Freigeben
console-release-label = { $key_id } freigeben
console-release-confirm = Installation { $key_id } der Lizenz { $serial } freigeben? Das gibt einen Platz frei, und dieser Computer erhält keine Updates mehr. Dies kann nicht rückgängig gemacht werden.
console-released = Installation { $key_id } ist freigegeben, ihr Platz ist wieder frei.
console-send = An Kontakt senden
console-send-label = An Kontakt senden: die Antwort für Update { $counter }
console-sent = Die Antwort für Update { $counter } ist unterwegs an { $to }.

## Die Werkzeuge des Administrators

console-admin-tools = Administration
console-admins-only = { $action ->
        [webhooks] Nur Administratoren können Webhooks verwalten.
        [remind] Nur Administratoren können eine Erinnerung senden.
        [create] Nur Administratoren können eine Lizenz erstellen.
        [queue] Nur Administratoren können ein Upgrade einplanen.
        [release] Nur Administratoren können eine Installation freigeben.
       *[staff] Nur Administratoren können Mitarbeiter hinzufügen oder deaktivieren.
    }
console-queue-heading = Upgrade einplanen
console-upgrade-note = Notiz (für den Verlauf, z. B. die Bestellnummer)
console-queue = Upgrade einplanen
console-queued = Update { $counter } ist eingeplant: Installationen erhalten es mit ihrer nächsten Anforderung.
console-save-contact = Adresse speichern
console-reseller = Wiederverkäufer
console-reseller-none = Keiner (Lizenz des Herstellers)
console-reseller-field = Wiederverkäufer (seine E-Mail-Adresse; leer: Lizenz des Herstellers)
console-save-reseller = Wiederverkäufer speichern
console-reseller-changed = Die Lizenz gehört jetzt { $reseller }.
console-reseller-none-now = Die Lizenz gehört jetzt wieder dem Hersteller.
console-contact-changed = E-Mails zu dieser Lizenz gehen jetzt an { $email }.
console-mail-language = Sprache der E-Mails an den Kontakt
console-save-language = Sprache speichern
console-mail-language-changed = E-Mails an { $email } sind jetzt auf { $language ->
        [fr] Französisch
        [de] Deutsch
       *[en] Englisch
    }.
console-create-heading = Lizenz erstellen
console-product = Produkt
console-contact-email = E-Mail des technischen Kontakts
console-installations-allowed = Erlaubte Installationen
console-create = Lizenz erstellen
console-licence-created = Lizenz { $serial } ist erstellt.
console-registration-code = Registrierungscode
console-registration-none = keiner: jedes Programm, das die Seriennummer kennt, kann sich registrieren
console-registration-new = Neuer Registrierungscode
console-registration-confirm = Einen neuen Registrierungscode erstellen? Die Registrierung eines neuen Computers braucht dann den neuen; bereits registrierte Computer sind nicht betroffen. Senden Sie ihn dem Kontakt.
console-registration-changed = Der neue Registrierungscode ist { $code }. Die Registrierung eines neuen Computers braucht ihn ab jetzt.
console-licence-created-code = Lizenz { $serial } ist erstellt. Ihr Registrierungscode, nach dem das Programm einmal fragt, ist { $code }.
console-staff = Mitarbeiter
console-staff-members = Mitarbeiter
console-role = Rolle
console-state = Zustand
console-staff-disabled = deaktiviert { $date }
console-staff-link-sent = Link gesendet, noch kein Passwort
console-staff-active = aktiv
console-disable = Deaktivieren
console-disable-label = { $email } deaktivieren
console-disable-confirm = { $email } deaktivieren? Die Sitzungen enden sofort, und eine Anmeldung ist nicht mehr möglich.
console-role-support = support: findet Codes und beantwortet sie
console-role-admin = admin: erstellt außerdem Lizenzen, plant Upgrades ein, gibt Installationen frei, verwaltet Mitarbeiter
console-role-reseller = reseller: erstellt und betreut Lizenzen seiner Produkte, sieht nur die eigenen
console-reseller-products = Seine Produkte (Namen, durch Kommas getrennt)
console-add-staff = Mitarbeiter hinzufügen
console-staff-added = Senden Sie { $email } diesen Link: Er setzt das Passwort, einmal, innerhalb von 72 Stunden.
console-new-link = Neuer Link
console-new-link-label = Neuer Passwort-Link für { $email }
console-enable = Aktivieren
console-enable-label = { $email } wieder aktivieren
console-link-path-only = Dieser Server hat keine --public-url, daher ist der Link nur der Pfad: Setzen Sie die Adresse des Servers davor, bevor Sie ihn senden.

## Remind now, mail and webhooks

console-remind = Jetzt erinnern
console-remind-help = Noch keine Installation hat Update { $counter } abgerufen: Senden Sie dem Kontakt eine Erinnerung (was sich ändert, die zwei Wege, es zu erhalten).
console-reminded = Eine Erinnerung ist unterwegs an { $to }.
console-mail = E-Mail
console-mail-sent = { $sent ->
        [one] 1 Nachricht gesendet.
       *[other] { $sent } Nachrichten gesendet.
    }
console-mail-waiting = Wartend
console-mail-failed = Fehlgeschlagen
console-mail-dropped = Von mail-in verworfen (letzte 7 Tage)
console-mail-reason = Warum
console-mail-to = An
console-mail-from = Von
console-mail-attempts = Versuche
console-mail-refresh = Aktualisieren
console-webhooks = Webhooks
console-webhooks-lead = Die anderen Systeme des Herstellers (ein Shop, ein CRM) erfahren, was hier geschieht, signiert (Standard Webhooks) und drei Tage lang erneut versucht.
console-webhook-url = URL
console-webhook-events = Ereignisse
console-webhook-description = Beschreibung (optional)
console-webhook-add = Webhook hinzufügen
console-webhook-added = Webhook { $id } ist hinzugefügt. Geben Sie seinem Empfänger dieses Geheimnis, um Signaturen zu prüfen: Es wird nur jetzt angezeigt.
console-webhook-rotated = Webhook { $id } hat ein neues Geheimnis; es signiert ab jetzt jede Zustellung. Es wird nur jetzt angezeigt.
console-webhook-removed = Webhook { $id } ist entfernt.
console-webhook-counts = { $waiting } wartend, { $failed } fehlgeschlagen
console-webhook-deliveries = Zustellungen
console-webhook-deliveries-of = Zustellungen an { $url }
console-webhook-rotate = Neues Geheimnis
console-webhook-remove = Entfernen
console-webhook-remove-confirm = Den Webhook an { $url } entfernen? Was für ihn wartet, wird nicht gesendet.
console-webhook-none = Noch keine Webhooks.
console-webhook-send-again = Erneut senden
console-webhook-sent-again = Zustellung { $id } wird jetzt erneut gesendet.
console-webhook-state = { $state ->
        [delivered] zugestellt
        [failed] fehlgeschlagen
       *[waiting] wartend
    }

## The dashboard (the console's home)

console-dashboard = Übersicht
console-dashboard-period = Zeitraum
console-dashboard-days = Letzte { $days } Tage
console-chart-issuances = { $bucket ->
        [week] Ausgestellte Antworten pro Woche, nach Kanal
       *[day] Ausgestellte Antworten pro Tag, nach Kanal
    }
console-chart-installations = { $bucket ->
        [week] Gebundene und freigegebene Installationen pro Woche
       *[day] Gebundene und freigegebene Installationen pro Tag
    }
console-series-bound = gebunden
console-series-released = freigegeben
console-chart-numbers = Die Zahlen als Tabelle
console-chart-day = Tag (UTC)
console-chart-week = Woche ab (UTC)
console-total = Summe
console-waiting-heading = Verkaufte, aber nicht abgeholte Upgrades
console-age-under-7 = Unter 7 Tagen
console-age-7-to-30 = 7 bis 30 Tage
console-age-over-30 = Über 30 Tage
console-nothing-waiting = Jedes Upgrade wurde abgeholt.
console-licence = Lizenz
console-waiting-what = Wartet
console-waiting-update = Update { $counter } (Installationen haben { $fetched })
console-since = Seit
console-remind-label = Jetzt erinnern: den Kontakt von { $serial }
console-outbox-heading = E-Mail und Webhooks
console-mail-summary = E-Mail: { $waiting } wartend, { $failed } fehlgeschlagen.
console-webhook-summary = Webhook { $url }: { $waiting } wartend, { $failed } fehlgeschlagen.
console-no-webhooks = Kein Webhook-Endpunkt.
console-near-limit-heading = Nahe an ihrer Installationsgrenze
console-none-near-limit = Keine Lizenz ist nahe an ihrer Installationsgrenze.
console-places = { $bound } von { $max }

## The audit log in words

console-audit-detail = { $action ->
        [response-issue] Update { $from } → { $to } für Installation { $key_id }, Kanal: { $channel } (signiert mit Schlüssel { $signing_key }).
        [license-create] { $product } für { $email }, bis zu { $max } Installationen; Update 1: { $entitlements }. { $registration ->
            [true] Mit Registrierungscode.
           *[false] Ohne Registrierungscode.
        }
        [upgrade-queue] Update { $counter }: { $changes }. Notiz: { $note }
        [installation-release] Installation { $key_id } freigegeben { $channel ->
            [customer] vom Kunden, mit einem Freigabecode.
           *[other] vom Team.
        }
        [mail-remind] Der Kontakt wurde an Update { $counter } erinnert.
        [mail-resend] Die Antwort wurde erneut an { $to } gesendet.
        [license-contact-email] Kontakt geändert von { $old } zu { $new }.
        [license-language] Die E-Mails des Kontakts sind jetzt auf { $language }.
       *[license-registration-code] Ein neuer Registrierungscode wurde erstellt; der alte gilt nicht mehr.
    }
