### Les textes des pages du support : la page de décodage, son tableau des
### champs (la console l'affiche aussi) et la recherche de la console.

## La page de décodage (support)

support-decode-title = Décoder un code de licence
support-decode-heading = Décoder un code
support-decode-lead = Pour le support : tous les champs d'un numéro de série, d'un code de demande ou d'un code de réponse. Le décodage se fait dans ce navigateur ; rien n'est envoyé.
support-decode-code = Code
support-decode-answers = Le code de demande auquel il répond (facultatif : vérifie la signature d'une réponse)
support-decode-empty = Collez un numéro de série, un code de demande ou un code de réponse.
support-decode-failed = Ce code ne se décode pas
support-decode-groups = Groupes tels que lus
support-decoded-fields = Champs décodés
support-field-kind = Type
support-field-serial = Numéro de série
support-field-serial-number = Numéro de série, en nombre
support-field-product = Produit
support-field-key-id = Identifiant (installation)
support-field-key-id-released = Identifiant (installation libérée)
support-field-counter = Compteur de mises à jour détenu
support-field-digest = Empreinte des droits
support-field-created = Créé le
support-field-proof = Preuve
support-field-for-installation = Pour l'installation
support-field-update = Mise à jour
support-field-issued = Délivré le
support-field-signed-with = Signé avec
support-field-signature = Signature
support-kind-format = { $kind ->
        [serial] Numéro de série
        [response] Code de réponse
        [release] Code de libération
       *[request] Code de demande
    } (format { $version })
support-unknown-product = { $id } (produit inconnu)
support-proof = { $proof } (le serveur la compare à la réponse que détient cette installation)
support-key-id-starting = identifiant commençant par { $tag }
support-vendor-key = clé { $key_id } de l'éditeur{ $trusted ->
        [yes] {" "}(de confiance)
        [no] {" "}(PAS une clé de cet éditeur)
       *[unknown] {""}
    }
support-signature-no-keys = Non vérifiée : les clés de l'éditeur ne sont pas chargées.
support-signature-no-request = Non vérifiée : collez ci-dessous le code de demande auquel elle répond.
support-signature-verified = Vérifiée pour le numéro de série { $serial } et l'identifiant { $key_id }.
support-signature-other-installation = Ne correspond pas : ce code de demande vient de l'identifiant { $key_id }, cette réponse est destinée à un identifiant commençant par { $tag }.
support-signature-failed = Non valide : { $reason }.

## La recherche de la console du support

support-find-label = Rechercher
support-find-help = Ce que le client a envoyé : un numéro de série, un code de demande, un code de réponse ou son adresse e-mail.
support-find-file = Ouvrir un fichier de code
