### Les textes de la console du support (/console/) : connexion, recherche
### et ce qu'elle trouve, une licence, et les outils de l'administrateur.
### Les noms de rôles (admin, support), les actions du journal d'audit
### (license.language) et les canaux de l'API restent tels quels : c'est ce
### que disent l'API, la ligne de commande et les journaux.

## Connexion et déconnexion

console-title = Console des licences
console-loading = Chargement…
console-sign-in-lead = Pour l'équipe support et commerciale de l'éditeur.
console-email = Adresse e-mail
console-password = Mot de passe
console-sign-in = Se connecter
console-signing-in = Connexion…
console-sign-out = Se déconnecter
console-who = { $email } ({ $role })
console-set-password-heading = Choisissez votre mot de passe
console-set-password-lead = Ce lien ne fonctionne qu'une fois. Choisissez un mot de passe d'au moins 10 caractères.
console-new-password = Nouveau mot de passe
console-password-again = Le même, à nouveau
console-passwords-differ = Les deux mots de passe diffèrent.
console-set-password = Enregistrer le mot de passe
console-password-set = Votre mot de passe est enregistré.

## La recherche et ce qu'elle trouve

console-find = Rechercher
console-finding = Recherche…
console-find-empty = Collez un numéro de série, un code de demande ou de réponse, ou l'adresse e-mail d'un contact.
console-find-incomplete = { $complete } { $complete ->
        [one] groupe complet
       *[other] groupes complets
    }. Continuez la saisie.
console-find-whole = { $kind ->
        [serial] Un numéro de série complet
        [response] Un code de réponse complet
        [release] Un code de libération complet
       *[request] Un code de demande complet
    } : cliquez sur Rechercher.
console-find-in-text = { $kind ->
        [serial] Un numéro de série
       *[request] Un code de demande
    } trouvé dans le texte : { $code }. Cliquez sur Rechercher.
console-contact-none = Aucune licence n'a { $email } comme contact. Vérifiez l'orthographe, ou demandez au client son numéro de série (la page « numéro de série perdu » l'envoie à l'adresse enregistrée).
console-find-email = Une adresse e-mail : cliquez sur Rechercher pour lister les licences de ce contact.
console-every-field = Tous les champs du code
console-request-heading = Code de demande de l'installation { $key_id }
console-not-bound = Pas encore liée à cette licence : une nouvelle installation, qui occupera l'une des places de la licence.
console-released-on = Libérée le { $date } : la licence ne la compte plus et elle ne reçoit plus de mises à jour.
console-bound-since = Liée depuis le { $date }.
console-holds-nothing = Ne détient encore rien (mise à jour 0).
console-holds = Détient la mise à jour { $counter } : { $entitlements }.
console-claims = Annonce la mise à jour { $counter }, que cette licence n'a jamais eue.
console-diverged = Ses droits diffèrent de ce qui a été délivré à cette mise à jour : la licence de cet ordinateur a été modifiée ou a divergé. Vérifiez auprès du client avant de répondre.
console-waiting = La mise à jour { $counter } l'attend.
console-holds-since = Le code a été créé avec la mise à jour { $counter } ; la mise à jour { $sent } a été envoyée à cette installation depuis.
console-answered-now = Répondu : la réponse ci-dessous donne la mise à jour { $to } ({ $changes }). Envoyez-la au client, ou il peut soumettre le code sur le portail et obtenir la même réponse.
console-answer-again = Afficher à nouveau sa réponse
console-response-for-customer = Le code de réponse pour le client
console-answered-before = Ce code a déjà reçu une réponse : le soumettre redonne la même réponse (mise à jour { $from } → { $to } : { $changes }).
console-would-give = Le soumettre donnerait la mise à jour { $to } : { $changes }.
console-nothing-changes = rien ne change
console-page-would-say = La page du client dirait : { $title }
console-answer = Répondre à ce code pour le client
console-answering = Réponse en cours…
console-response-heading = Code de réponse
console-response-unknown = Ce serveur n'a pas délivré ce code de réponse : il ne figure dans l'historique d'aucune licence.
console-response-issued = Délivré le { $date } { $channel ->
        [portal] via la page du client
        [online] via la fonction Get it now du programme
        [console] via la console
       *[mail] via la boîte aux lettres (un code de demande reçu par e-mail)
    } par { $actor }, faisant passer l'installation { $key_id } de la mise à jour { $from } à { $to }. { $latest ->
        [yes] C'est toujours la réponse la plus récente pour cette installation.
       *[no] Une réponse plus récente a été délivrée à cette installation depuis.
    }
console-release-heading = Code de libération de l'installation { $key_id }
console-release-never = Cette licence n'a jamais lié cette installation : le code de libération ne libère rien.
console-released-by = Libérée le { $date } par { $actor }.
console-released-by-staff = Libérée le { $date } par l'équipe.
console-still-bound = Toujours liée : soumettre le code de libération sur la page du client libère sa place (dans la limite de transferts de la licence) ; un administrateur peut la libérer ici sans limite.
console-contact-heading = Licences de ce contact
console-contact-licence = { $product } : { $bound } installations sur { $max }, mise à jour { $counter }

## Une licence

console-licence-heading = Licence { $product } { $serial }
console-contact = Contact
console-installations = Installations
console-installations-used = { $bound } sur { $max } utilisées
console-latest-update = Dernière mise à jour
console-created = Créée le
console-entitlements-now = Droits actuels
console-updates = Mises à jour
console-update = Mise à jour { $counter }
console-update-by = le { $date } par { $actor } : { $changes }
console-flag = { $on ->
        [yes] oui
       *[no] non
    }
console-no-value = aucun
console-key-id = Identifiant
console-bound = Liée le
console-last-sent = Dernière mise à jour envoyée
console-status = État
console-actions = Actions
console-installation-released = libérée le { $date }
console-installation-waiting = une mise à jour l'attend
console-installation-up-to-date = à jour
console-no-installations = Aucune pour l'instant : aucun ordinateur n'a été activé.
console-responses-issued = Réponses délivrées
console-mail-off = Ce serveur n'envoie pas d'e-mails (démarré sans --smtp-url) : les réponses ne peuvent pas être envoyées au contact d'ici.
console-when = Date
console-channel = Canal
console-by = Par
console-update-column = Mise à jour
console-codes-column = Codes de demande et de réponse
console-channel-name = { $channel ->
        [portal] portail
        [online] en ligne
        [console] console
       *[mail] e-mail
    }
console-codes = Codes
console-request-code = Code de demande
console-response-code = Code de réponse
console-none-yet = Aucune pour l'instant.
console-audit-log = Journal d'audit
console-who-column = Qui
console-what = Quoi
console-detail = Détail
console-nothing-yet = Rien pour l'instant.
console-release = Libérer
console-release-label = Libérer { $key_id }
console-release-confirm = Libérer l'installation { $key_id } de la licence { $serial } ? Cela libère une place, et cet ordinateur ne recevra plus de mises à jour. Cette action est définitive.
console-released = L'installation { $key_id } est libérée : sa place est disponible.
console-send = Envoyer au contact
console-send-label = Envoyer au contact : la réponse de la mise à jour { $counter }
console-sent = La réponse de la mise à jour { $counter } est en route vers { $to }.

## Les outils de l'administrateur

console-admin-tools = Outils d'administration
console-admins-only = { $action ->
        [webhooks] Seuls les administrateurs peuvent gérer les webhooks.
        [remind] Seuls les administrateurs peuvent envoyer une relance.
        [create] Seuls les administrateurs peuvent créer une licence.
        [queue] Seuls les administrateurs peuvent programmer une mise à niveau.
        [release] Seuls les administrateurs peuvent libérer une installation.
       *[staff] Seuls les administrateurs peuvent ajouter ou désactiver des membres de l'équipe.
    }
console-queue-heading = Programmer une mise à niveau
console-upgrade-note = Note (pour l'historique, par exemple le numéro de commande)
console-queue = Programmer la mise à niveau
console-queued = La mise à jour { $counter } est programmée : les installations la reçoivent avec leur prochaine demande.
console-save-contact = Enregistrer l'adresse
console-reseller = Revendeur
console-reseller-none = Aucun (licence de l'éditeur)
console-reseller-field = Revendeur (son adresse e-mail ; vide : licence de l'éditeur)
console-save-reseller = Enregistrer le revendeur
console-reseller-changed = La licence appartient désormais à { $reseller }.
console-reseller-none-now = La licence est désormais celle de l'éditeur.
console-contact-changed = Les e-mails de cette licence vont désormais à { $email }.
console-mail-language = Langue des e-mails du contact
console-save-language = Enregistrer la langue
console-mail-language-changed = Les e-mails à { $email } sont désormais en { $language ->
        [fr] français
        [de] allemand
       *[en] anglais
    }.
console-create-heading = Créer une licence
console-product = Produit
console-contact-email = Adresse e-mail du contact technique
console-installations-allowed = Installations autorisées
console-create = Créer la licence
console-licence-created = La licence { $serial } est créée.
console-registration-code = Code d'enregistrement
console-registration-none = aucun : tout programme qui connaît le numéro de série peut s'enregistrer
console-registration-new = Nouveau code d'enregistrement
console-registration-confirm = Créer un nouveau code d'enregistrement ? L'enregistrement d'un nouvel ordinateur demandera le nouveau ; les ordinateurs déjà enregistrés ne sont pas concernés. Envoyez-le au contact.
console-registration-changed = Le nouveau code d'enregistrement est { $code }. L'enregistrement d'un nouvel ordinateur le demande désormais.
console-licence-created-code = La licence { $serial } est créée. Son code d'enregistrement, que le programme demande une fois, est { $code }.
console-staff = Équipe
console-staff-members = Membres de l'équipe
console-role = Rôle
console-state = État
console-staff-disabled = désactivé le { $date }
console-staff-link-sent = lien envoyé, pas encore de mot de passe
console-staff-active = actif
console-disable = Désactiver
console-disable-label = Désactiver { $email }
console-disable-confirm = Désactiver { $email } ? Ses sessions prennent fin immédiatement et cette personne ne peut plus se connecter.
console-role-support = support : recherche les codes et y répond
console-role-admin = admin : crée aussi des licences, programme des mises à niveau, libère des installations, gère l'équipe
console-role-reseller = revendeur : crée et gère les licences de ses produits, ne voit que les siennes
console-reseller-products = Ses produits (noms, séparés par des virgules)
console-add-staff = Ajouter un membre
console-staff-added = Envoyez ce lien à { $email } : il définit son mot de passe, une fois, sous 72 heures.
console-new-link = Nouveau lien
console-new-link-label = Nouveau lien de mot de passe pour { $email }
console-enable = Réactiver
console-enable-label = Réactiver { $email }
console-link-path-only = Ce serveur n'a pas de --public-url : le lien n'est que le chemin. Mettez l'adresse du serveur devant avant de l'envoyer.

## Remind now, mail and webhooks

console-remind = Relancer maintenant
console-remind-help = Aucune installation n'a encore récupéré la mise à jour { $counter } : envoyez une relance au contact (ce qui change, les deux façons de l'obtenir).
console-reminded = Une relance part vers { $to }.
console-mail = E-mails
console-mail-sent = { $sent ->
        [one] 1 message envoyé.
       *[other] { $sent } messages envoyés.
    }
console-mail-waiting = En attente
console-mail-failed = Échoués
console-mail-dropped = Écartés par mail-in (7 derniers jours)
console-mail-reason = Pourquoi
console-mail-to = À
console-mail-from = De
console-mail-attempts = Tentatives
console-mail-refresh = Actualiser
console-webhooks = Webhooks
console-webhooks-lead = Les autres systèmes de l'éditeur (une boutique, un CRM) reçoivent ce qui se passe ici, signé (Standard Webhooks) et réessayé pendant trois jours.
console-webhook-url = URL
console-webhook-events = Événements
console-webhook-description = Description (facultative)
console-webhook-add = Ajouter le webhook
console-webhook-added = Le webhook { $id } est ajouté. Donnez ce secret à son destinataire pour vérifier les signatures : il n'est affiché que maintenant.
console-webhook-rotated = Le webhook { $id } a un nouveau secret ; il signe chaque envoi à partir de maintenant. Il n'est affiché que maintenant.
console-webhook-removed = Le webhook { $id } est supprimé.
console-webhook-counts = { $waiting } en attente, { $failed } échoués
console-webhook-deliveries = Envois
console-webhook-deliveries-of = Envois vers { $url }
console-webhook-rotate = Nouveau secret
console-webhook-remove = Supprimer
console-webhook-remove-confirm = Supprimer le webhook vers { $url } ? Ce qui attend pour lui ne sera pas envoyé.
console-webhook-none = Aucun webhook pour l'instant.
console-webhook-send-again = Renvoyer
console-webhook-sent-again = L'envoi { $id } est renvoyé maintenant.
console-webhook-state = { $state ->
        [delivered] livré
        [failed] échoué
       *[waiting] en attente
    }

## The dashboard (the console's home)

console-dashboard = Tableau de bord
console-dashboard-period = Période
console-dashboard-days = { $days } derniers jours
console-chart-issuances = { $bucket ->
        [week] Réponses émises par semaine, par canal
       *[day] Réponses émises par jour, par canal
    }
console-chart-installations = { $bucket ->
        [week] Installations liées et libérées par semaine
       *[day] Installations liées et libérées par jour
    }
console-series-bound = liées
console-series-released = libérées
console-chart-numbers = Les chiffres sous forme de tableau
console-chart-day = Jour (UTC)
console-chart-week = Semaine du (UTC)
console-total = Total
console-waiting-heading = Mises à niveau vendues mais pas récupérées
console-age-under-7 = Moins de 7 jours
console-age-7-to-30 = De 7 à 30 jours
console-age-over-30 = Plus de 30 jours
console-nothing-waiting = Toutes les mises à niveau ont été récupérées.
console-licence = Licence
console-waiting-what = En attente
console-waiting-update = Mise à jour { $counter } (les installations ont la { $fetched })
console-since = Depuis
console-remind-label = Relancer maintenant : le contact de { $serial }
console-outbox-heading = Courriels et webhooks
console-mail-summary = Courriels : { $waiting } en attente, { $failed } en échec.
console-webhook-summary = Webhook { $url } : { $waiting } en attente, { $failed } en échec.
console-no-webhooks = Aucun point de terminaison de webhook.
console-near-limit-heading = Proches de leur limite d'installations
console-none-near-limit = Aucune licence n'est proche de sa limite d'installations.
console-places = { $bound } sur { $max }

## The audit log in words

console-audit-detail = { $action ->
        [response-issue] Mise à jour { $from } → { $to } pour l'installation { $key_id }, canal : { $channel } (signée avec la clé { $signing_key }).
        [license-create] { $product } pour { $email }, jusqu'à { $max } installations ; mise à jour 1 : { $entitlements }. { $registration ->
            [true] Avec un code d'enregistrement.
           *[false] Sans code d'enregistrement.
        }
        [upgrade-queue] Mise à jour { $counter } : { $changes }. Note : { $note }
        [installation-release] Installation { $key_id } libérée { $channel ->
            [customer] par le client, avec un code de libération.
           *[other] par l'équipe.
        }
        [mail-remind] Le contact a été relancé pour la mise à jour { $counter }.
        [mail-resend] La réponse a été renvoyée à { $to }.
        [license-contact-email] Contact changé de { $old } à { $new }.
        [license-language] Les courriels du contact sont désormais en { $language }.
       *[license-registration-code] Un nouveau code d'enregistrement a été créé ; l'ancien ne fonctionne plus.
    }
