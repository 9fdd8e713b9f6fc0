### Lecture d'un code (docs/codes.md §7). Les valeurs sont des fragments
### (« groupe 4 contient une faute de frappe ») : la ligne de commande les
### affiche après « erreur : », la page en fait une phrase.

code-empty = aucun code n'a été saisi
    .title = Aucun code
    .next = Tapez ou collez le code.
code-invalid_character = le caractère { $position } (dans le groupe { $group }) est '{ $character }', qui n'est pas utilisé dans les codes
    .title = Un caractère qui n'existe pas dans les codes
    .next = Les codes n'utilisent que des chiffres et les lettres A à Z sauf I, L, O et U ; comparez le groupe { $group } avec l'original.
code-bad_group = groupe { $group } contient une faute de frappe
    .title = Le code contient une faute de frappe
    .next = Comparez le groupe { $group } avec l'original caractère par caractère, ou copiez-collez le code au lieu de le taper.
    .next-customer = Comparez le groupe signalé avec le code affiché par le programme, ou utilisez Save to File dans le programme et ouvrez ici Step_1_Code.TXT.
code-groups_swapped = les groupes { $first } et { $second } sont à la place l'un de l'autre
    .title = Deux groupes sont inversés
    .next = Échangez les groupes { $first } et { $second }, ou copiez à nouveau le code depuis l'original.
code-missing_group = il manque un groupe à la position { $group }
    .title = Il manque un groupe
    .next = Tapez le groupe qui précède le groupe { $group } ; l'original a un groupe de plus.
code-extra_group = groupe { $group } est un groupe de trop
    .title = Un groupe de trop
    .next = Supprimez le groupe { $group } (il n'est pas dans l'original), ou copiez à nouveau le code.
code-truncated = le code est incomplet : { $found_groups } { $found_groups ->
        [one] groupe complet
       *[other] groupes complets
    }, { $kind ->
        [serial] un numéro de série
        [request] un code de demande
        [response] un code de réponse
        [release] un code de libération
       *[none] un code
    } en demande au moins { $expected_groups }
    .title = Le code est incomplet
    .next = Copiez le code en entier : la fin manque.
code-too_long = le code est trop long : { $found_groups } groupes, { $kind ->
        [serial] un numéro de série
        [request] un code de demande
        [response] un code de réponse
        [release] un code de libération
       *[none] un code
    } en compte au plus { $max_groups }
    .title = Le code est trop long
    .next = Saisissez un seul code, sans rien après.
code-wrong_kind = ceci est { $found ->
        [serial] un numéro de série
        [response] un code de réponse
        [release] un code de libération
       *[request] un code de demande
    }, pas { $expected ->
        [serial] un numéro de série
        [response] un code de réponse
        [release] un code de libération
       *[request] un code de demande
    }
    .title = Un code d'un autre type
    .next = { $found ->
        [response] C'est la réponse du portail de licences : saisissez-la dans le programme (Enter Code), pas ici.
        [serial] C'est un numéro de série : installez le programme avec, puis utilisez son bouton Create Code pour obtenir un code de demande.
        [release] C'est un code de libération : il rend la place d'un ordinateur sur la licence. Soumettez-le sur le portail de licences, ou envoyez-le au support.
       *[request] { $expected ->
            [response] C'est le code créé par ce programme. Soumettez-le sur le portail de licences de l'éditeur, puis saisissez le code de réponse qu'il vous donne.
            [serial] Saisissez plutôt un numéro de série.
            [release] Saisissez plutôt le code de libération créé par le programme (Libérer la licence).
           *[request] Saisissez plutôt un code de demande.
        }
    }
code-unknown_version = ce { $kind ->
        [serial] numéro de série
        [response] code de réponse
        [release] code de libération
       *[request] code de demande
    } utilise la version de format { $version }, que ce programme ne connaît pas
    .title = Format de code inconnu
    .next = Mettez le programme à jour, ou demandez au support un code dans le format que cette version sait lire.
code-code_check_failed = les groupes sont corrects mais pas le code dans son ensemble : deux fautes dans un même groupe, ou des groupes de codes différents
    .title = Le code n'est pas valide
    .next = Copiez à nouveau le code depuis l'original plutôt que de le taper ; si l'erreur persiste, créez un nouveau code.
code-malformed = { $kind ->
        [serial] le numéro de série
        [response] le code de réponse
        [release] le code de libération
       *[request] le code de demande
    } est mal formé : { $reason ->
        [entitlements_short] les droits dépassent la fin du code
        [slots_out_of_order] les emplacements des droits ne sont pas dans l'ordre croissant
        [not_shortest] une valeur de droit n'est pas écrite sous sa forme la plus courte
        [padding] les bits après la signature ne sont pas nuls
        [nothing_held] il indique la mise à jour 0, et une installation qui n'a jamais reçu de réponse n'a rien à libérer
       *[counter_not_advancing] le compteur de mises à jour n'avance pas
    }
    .title = Le code est mal formé
    .next = Copiez à nouveau le code depuis l'original ; si l'erreur persiste, contactez le support en lui envoyant le code.
code-bad_signature = la signature du code de réponse n'est pas valide : il a été modifié, mal saisi, ou n'a pas été créé pour cette installation
    .title = La signature n'est pas valide
    .next = Vérifiez que ce code de réponse répond au dernier code de demande de cette installation (Créer un code) et copiez-le à nouveau ; si l'erreur persiste, envoyez le code de demande au support.
code-unknown_signing_key = le code de réponse a été signé avec la clé { $key_id } de l'éditeur, à laquelle ce programme ne fait pas confiance
    .title = Signé par une clé inconnue
    .next = Mettez le programme à jour pour qu'il connaisse les clés actuelles de l'éditeur, ou contactez le support.
code-another_product = ce code de réponse est destiné au produit { $found }, mais cette licence est celle du produit { $expected }
    .title = Une réponse pour un autre produit
    .next = Saisissez ce code dans le programme pour lequel il a été créé, ou demandez un code de réponse pour le code de demande de ce produit.
code-another_installation = KEYID_NOT_FOUND : ce code de réponse a été créé pour une autre installation (identifiant commençant par { $found }), pas pour celle-ci ({ $expected })
    .title = Une réponse pour une autre installation
    .next = Saisissez-le sur l'ordinateur qui a créé le code de demande auquel il répond, ou créez ici un code de demande (Créer un code) et soumettez-le.
code-too_old = TOO_OLD : une mise à jour plus récente est déjà installée (ce code apporte la mise à jour { $to_counter } ; la licence en est à la mise à jour { $counter })
    .title = Une réponse plus ancienne
    .next = Rien à faire : une mise à jour plus récente est installée. S'il manque quelque chose, créez un nouveau code de demande (Créer un code) et soumettez-le.
code-too_new = TOO_NEW : ce code de réponse fait suite à la mise à jour { $from_counter }, mais la licence en est à la mise à jour { $counter } : une mise à jour précédente manque
    .title = Une mise à jour précédente manque
    .next = Saisissez d'abord les codes de réponse précédents, dans l'ordre ; ou créez un nouveau code de demande (Créer un code) et soumettez-le pour obtenir une seule réponse qui apporte toutes les mises à jour.
