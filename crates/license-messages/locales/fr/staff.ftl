### Les problèmes que seuls l'API d'administration et la console rencontrent.

problem-invalid_input = { $reason }
    .title = Saisie non valide
    .next = Corrigez la saisie et réessayez.
problem-unauthorized = { $cause ->
        [sign_in] l'adresse e-mail ou le mot de passe est incorrect
        [session] la session de la console a pris fin : déconnexion, 30 minutes d'inactivité, durée de 12 heures atteinte, ou compte désactivé
        [setup] ce lien pour définir un mot de passe n'est pas valide : il a déjà servi, il a expiré, ou il a été mal recopié
       *[token] jeton porteur absent ou non valide
    }
    .title = { $cause ->
        [sign_in] Non connecté
        [session] Déconnecté
        [setup] Lien non valide
       *[token] Non autorisé
    }
    .next = { $cause ->
        [sign_in] Vérifiez l'adresse e-mail et le mot de passe, puis reconnectez-vous.
        [session] Reconnectez-vous.
        [setup] Demandez un nouveau lien à un administrateur (Staff dans la console, ou license-server staff add).
       *[token] Envoyez Authorization: Bearer <token> (créez-en un avec `license-server token create`), ou connectez-vous à la console.
    }
problem-forbidden = { $cause ->
        [cross_origin] une modification venant d'un autre site ({ $origin }) avec la session de la console est refusée
       *[role] le rôle { $role } ne permet pas cette action ; elle demande le rôle admin
    }
    .title = Interdit
    .next = { $cause ->
        [cross_origin] Faites les modifications depuis la console elle-même, pas depuis un autre site.
       *[role] Demandez à un administrateur, ou utilisez un compte ou un jeton ayant le rôle admin.
    }
problem-not_found = { $what } est introuvable
    .title = Introuvable
    .next = Vérifiez l'identifiant.
problem-conflict = { $what }
    .title = Conflit
    .next = Utilisez un autre identifiant, ou modifiez l'existant.
problem-method_not_allowed = { $what }
    .title = Méthode non autorisée
    .next = Utilisez l'une des méthodes de l'en-tête Allow ; le document de l'API (/api/openapi.json) liste chaque opération.
problem-mail_off = ce serveur n'envoie pas d'e-mails : il a été démarré sans --smtp-url
    .title = E-mails désactivés
    .next = Démarrez le serveur avec --smtp-url et --mail-from (docs/server.md, Mail), ou transmettez le code de réponse au client d'une autre façon.
problem-idempotency_key_reused = cette clé Idempotency-Key a été envoyée au cours des dernières 24 heures avec une autre requête
    .title = Clé d'idempotence réutilisée
    .next = Renvoyez la première requête telle quelle pour obtenir sa réponse, ou utilisez une nouvelle clé pour une nouvelle requête.
