### Die Probleme, die nur die Admin-API und die Konsole treffen.

problem-invalid_input = { $reason }
    .title = Ungültige Eingabe
    .next = Korrigieren Sie die Eingabe und versuchen Sie es erneut.
problem-unauthorized = { $cause ->
        [sign_in] die E-Mail-Adresse oder das Passwort ist falsch
        [session] die Sitzung der Konsole ist beendet: abgemeldet, 30 Minuten untätig, 12 Stunden erreicht, oder das Konto wurde deaktiviert
        [setup] dieser Link zum Festlegen eines Passworts ist ungültig: er wurde bereits verwendet, ist abgelaufen oder wurde falsch abgeschrieben
       *[token] Bearer-Token fehlt oder ist ungültig
    }
    .title = { $cause ->
        [sign_in] Nicht angemeldet
        [session] Abgemeldet
        [setup] Link ungültig
       *[token] Nicht autorisiert
    }
    .next = { $cause ->
        [sign_in] Prüfen Sie E-Mail-Adresse und Passwort und melden Sie sich erneut an.
        [session] Melden Sie sich erneut an.
        [setup] Bitten Sie einen Administrator um einen neuen Link (Staff in der Konsole, oder license-server staff add).
       *[token] Senden Sie Authorization: Bearer <token> (erstellen Sie eines mit `license-server token create`), oder melden Sie sich an der Konsole an.
    }
problem-forbidden = { $cause ->
        [cross_origin] eine Änderung von einer anderen Website ({ $origin }) mit der Sitzung der Konsole wird abgelehnt
       *[role] die Rolle { $role } darf dies nicht; es erfordert die Rolle admin
    }
    .title = Verboten
    .next = { $cause ->
        [cross_origin] Nehmen Sie Änderungen in der Konsole selbst vor, nicht von einer anderen Website aus.
       *[role] Fragen Sie einen Administrator, oder verwenden Sie ein Konto oder Token mit der Rolle admin.
    }
problem-not_found = { $what } wurde nicht gefunden
    .title = Nicht gefunden
    .next = Prüfen Sie die Kennung.
problem-conflict = { $what }
    .title = Konflikt
    .next = Verwenden Sie eine andere Kennung, oder ändern Sie die vorhandene.
problem-method_not_allowed = { $what }
    .title = Methode nicht erlaubt
    .next = Verwenden Sie eine der Methoden aus dem Allow-Header; das Dokument der API (/api/openapi.json) listet jede Operation.
problem-mail_off = dieser Server versendet keine E-Mails: er wurde ohne --smtp-url gestartet
    .title = E-Mail ist aus
    .next = Starten Sie den Server mit --smtp-url und --mail-from (docs/server.md, Mail), oder geben Sie dem Kunden den Antwortcode auf anderem Weg.
problem-idempotency_key_reused = dieser Idempotency-Key wurde in den letzten 24 Stunden mit einer anderen Anfrage gesendet
    .title = Idempotenzschlüssel erneut verwendet
    .next = Senden Sie die erste Anfrage unverändert erneut, um ihre Antwort zu erhalten, oder verwenden Sie für eine neue Anfrage einen neuen Schlüssel.
