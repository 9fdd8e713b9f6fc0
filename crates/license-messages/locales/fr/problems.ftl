### Les documents de problème du serveur de licences (docs/server.md,
### « Errors ») : `title`, `detail` et `next_step` de chaque `code`.

problem-malformed_code = le code de demande est endommagé
    .title = Le code de demande contient une faute de frappe
    .title-customer = Le code contient une faute de frappe
    .next = Comparez le code avec l'original, ou copiez-collez-le au lieu de le taper.
    .next-customer = Comparez le groupe signalé avec le code affiché par le programme, ou utilisez Save to File dans le programme et ouvrez ici Step_1_Code.TXT.
problem-wrong_kind = ceci est { $found_kind ->
        [serial] un numéro de série
        [response] un code de réponse
        [release] un code de libération
       *[request] un code de demande
    }, pas { $expected_kind ->
        [release] un code de libération
       *[request] un code de demande
    }
    .title = Pas un code de demande
    .title-customer = Ceci n'est pas un code de demande
    .next = { $found_kind ->
        [response] C'est la réponse du portail de licences : saisissez-la dans le programme (Enter Code), pas ici.
        [serial] C'est un numéro de série : installez le programme avec, puis utilisez son bouton Create Code pour obtenir un code de demande.
        [release] C'est un code de libération : soumettez-le pour rendre la place de l'ordinateur (POST /api/v1/releases).
       *[request] Saisissez plutôt un code de demande.
    }
    .next-customer = Saisissez le code de demande créé par le programme avec Create Code, ou le code de libération qu'il a créé lors du déménagement. Un code de réponse se saisit dans le programme, pas ici.
problem-unknown_version = ce code de demande utilise la version de format { $version }, que ce serveur ne connaît pas
    .title = Format de code inconnu
    .title-customer = Le programme est plus récent que cette page
    .next = Mettez à jour le serveur de licences, ou créez le code avec une version du programme que ce serveur sait lire.
    .next-customer = Rechargez cette page ; si le problème persiste, contactez le support en lui envoyant le code.
problem-unknown_serial = aucune licence n'a le numéro de série { $serial }
    .customer = le serveur de licences n'a aucune licence avec le numéro de série contenu dans ce code
    .title = Numéro de série inconnu
    .next = Vérifiez le numéro de série dans l'e-mail de confirmation de votre achat ; s'il est correct, contactez le support avec les détails de votre achat.
problem-wrong_product = le numéro de série { $serial } est une licence du produit { $licensed }, mais le code de demande vient du produit { $requested }
    .title = Numéro de série d'un autre produit
    .next = Créez le code dans le programme pour lequel ce numéro de série a été acheté, ou contactez le support.
problem-keyid_not_found = KEYID_NOT_FOUND : l'installation { $key_id } n'est pas liée à la licence { $serial }{ $released ->
        [yes] {" "}(elle a été libérée)
       *[no] {""}
    }
    .customer = la licence appartient à un autre ordinateur (KEYID_NOT_FOUND) : l'installation { $key_id } n'est pas liée à la licence { $serial }{ $released ->
        [yes] {" "}(elle a été libérée)
       *[no] {""}
    }
    .title = Une autre installation
    .next = Créez le code sur l'ordinateur où la licence est installée. Si vous avez déplacé la licence sur un nouvel ordinateur, demandez au support de libérer l'ancienne installation.
problem-installation_limit = la licence { $serial } est déjà installée sur { $max_installations ->
        [one] { $max_installations } ordinateur
       *[other] { $max_installations } ordinateurs
    }, sa limite
    .title = Limite d'installations atteinte
    .next = Libérez l'ordinateur que vous quittez : sur cet ordinateur, lancez `license release` (ou Release licence dans le programme) et soumettez le code de libération ; puis réessayez. Ou achetez une installation supplémentaire, ou demandez au support de libérer un ordinateur que vous n'utilisez plus.
    .next-user = Si vous déplacez le programme vers un nouvel ordinateur : sur l'ancien, utilisez la fonction Libérer la licence du programme et soumettez le code de libération, puis réessayez. Ou achetez une installation supplémentaire, ou demandez au support de libérer un ordinateur que vous n'utilisez plus.
    .next-customer = Si vous déplacez le programme sur un nouvel ordinateur : sur l'ancien, utilisez Release licence dans le programme, saisissez ici le code de libération qu'il affiche, puis soumettez à nouveau ce code. Ou demandez au support de libérer un ordinateur que vous n'utilisez plus, ou achetez une installation supplémentaire.
problem-registration_required = la licence { $serial } demande son code d'enregistrement pour enregistrer un nouvel ordinateur, et ce code de demande a été créé { $given ->
        [yes] avec un code d'enregistrement qui n'est pas celui de cette licence
       *[no] sans code d'enregistrement
    }
    .title = Code d'enregistrement nécessaire
    .next = Recommencez l'installation avec le numéro de série et le code d'enregistrement de la confirmation d'achat (`license init --serial SERIAL --registration-code CODE`), puis créez un nouveau code de demande. Perdu ? Demandez-le sur le portail (« Numéro de série perdu ? ») ou au support.
    .next-user = Enregistrez à nouveau le programme avec le numéro de série et le code d'enregistrement de la confirmation d'achat, puis créez un nouveau code. Vous l'avez perdu ? Demandez-le via « Numéro de série perdu ? » sur la page de licence, ou au support.
    .next-customer = Le programme doit être enregistré avec le numéro de série et le code d'enregistrement de l'e-mail de confirmation d'achat. Saisissez les deux dans le programme, créez un nouveau code de demande et soumettez-le ici. E-mail perdu ? Utilisez « Numéro de série perdu ? » ci-dessous : ils sont envoyés au contact technique enregistré.
problem-release_proof_mismatch = la preuve de ce code de libération ne correspond pas à la réponse que détient l'installation { $key_id } de la licence { $serial }
    .title = Code de libération refusé
    .next = Saisissez le code de libération exactement tel que le programme l'a affiché (license release l'affiche à nouveau) ; si l'erreur persiste, envoyez-le au support.
    .next-user = Saisissez le code de libération exactement comme le programme l'a affiché ; si l'erreur persiste, envoyez-le au support.
problem-transfer_limit = la licence { $serial } a été déplacée sur un autre ordinateur { $limit ->
        [one] une fois
       *[other] { $limit } fois
    } au cours des 365 derniers jours, la limite des libérations faites par le client
    .title = Trop de déplacements
    .next = Demandez au support de libérer l'ancien ordinateur : il peut le faire dans la console ou avec `license-server license release`.
    .next-user = Envoyez le code de libération au support : il peut libérer la place de l'ancien ordinateur pour vous.
    .next-customer = Contactez le support en lui envoyant ce code de libération : il peut libérer pour vous la place de l'ancien ordinateur.
problem-up_to_date = cette installation est à jour : elle a la mise à jour { $counter }, la dernière de la licence { $serial }
    .customer = le programme a déjà toutes les mises à niveau de cette licence
    .title = Rien en attente
    .title-customer = Rien n'est en attente
    .next = Rien à faire : le programme a déjà toutes les mises à jour. Si vous en attendiez une, attendez l'e-mail annonçant que votre achat est prêt, puis créez un nouveau code.
    .next-customer = Rien à faire. Si vous attendiez une mise à niveau, attendez l'e-mail annonçant que votre achat est prêt, puis utilisez à nouveau Create Code.
problem-counter_not_issued = le code de demande indique la mise à jour { $counter }, qui n'a jamais été délivrée à cette installation (la dernière est la { $latest })
    .title = Mise à jour jamais délivrée
    .title-customer = Ce code ne correspond pas à l'historique de la licence
    .next = Créez un nouveau code dans le programme et soumettez-le ; si le problème persiste, envoyez le code au support.
problem-entitlement_mismatch = les droits du code de demande ne correspondent pas à ceux délivrés à la mise à jour { $counter } : la licence a été modifiée ou a divergé
    .title = La licence ne correspond pas à son historique
    .title-customer = La licence de cet ordinateur diffère des informations de l'éditeur
    .next = Contactez le support et envoyez-lui ce code de demande : la licence de cet ordinateur diffère des informations de l'éditeur.
problem-rate_limited = trop de requêtes ; réessayez dans { $retry_after } secondes
    .customer = le serveur de licences demande d'attendre { $retry_after } secondes
    .title = Trop de requêtes
    .title-customer = Trop de tentatives
    .next = Patientez un instant, puis soumettez à nouveau.
    .next-customer = Patientez un instant, puis appuyez à nouveau sur Soumettre le code.
problem-payload_too_large = le corps de la requête dépasse { $limit } octets
    .title = Requête trop volumineuse
    .title-customer = La page a envoyé quelque chose que le serveur n'a pas accepté
    .next = N'envoyez que le code de demande.
    .next-customer = Rechargez la page et réessayez.
problem-unsupported_media_type = le corps de la requête doit être du JSON (Content-Type: application/json)
    .title = Type de contenu non pris en charge
    .title-customer = La page a envoyé quelque chose que le serveur n'a pas accepté
    .next = Envoyez un corps JSON avec Content-Type: application/json.
    .next-customer = Rechargez la page et réessayez.
problem-invalid_body = le corps de la requête n'est pas valide : { $reason }
    .title = Corps de requête non valide
    .title-customer = La page a envoyé quelque chose que le serveur n'a pas accepté
    .next = Envoyez les champs que prend cette opération (voir /api/openapi.json), et rien d'autre.
    .next-customer = Rechargez la page et réessayez.
problem-unavailable = la base de données n'est pas disponible
    .title = Service indisponible
    .title-customer = Le serveur de licences est occupé ou arrêté
    .next = Réessayez dans une minute ; si le problème persiste, contactez l'éditeur.
    .next-customer = Réessayez dans une minute. Votre code est conservé ici.
problem-internal = le serveur a échoué ; l'erreur a été journalisée
    .title = Erreur interne
    .title-customer = Le serveur de licences a échoué
    .next = Réessayez dans une minute ; si le problème persiste, contactez l'éditeur.
    .next-customer = Réessayez dans une minute ; si le problème persiste, contactez le support.
problem-unknown = { $detail }
    .title = Le serveur de licences a refusé le code
    .next = { $next_step }
