<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="fr_FR">
<context>
    <name>CreateProfilePage</name>
    <message>
        <source>Les deux mots de passe ne sont pas identiques.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Création et chiffrement du carnet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le carnet n&apos;a pas pu être créé ; rien n&apos;a été enregistré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créer un carnet sur cet ordinateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre carnet sera chiffré avec votre mot de passe. Choisissez une phrase facile à retenir pour vous et difficile à deviner : au moins 12 caractères, par exemple plusieurs mots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nom du carnet :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mot de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirmer :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créer le &amp;carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nom du carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Par exemple votre prénom et votre nom.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le mot de passe qui chiffre ce carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmer le mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez-le une seconde fois.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créer le carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Créer et chiffrer le carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenir à l&apos;écran d&apos;accueil.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Choisissez un document dans la liste pour l&apos;afficher ici.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce format ne peut pas être affiché dans Carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucun document affiché</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visionneuse de document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image du document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte du document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Moi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un professionnel de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;Assurance Maladie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service Carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masqué aux professionnels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visible des professionnels autorisés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter un document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.txt *.rtf);;Tous les fichiers (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catégorie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auteur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidentialité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter « %1 »</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le document « %1 » ne sera plus visible des professionnels de santé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Son auteur, votre médecin traitant et vos administrateurs le verront encore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous pourrez le démasquer à tout moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masquer ce document ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le document « %1 » sera de nouveau visible des professionnels que vous avez autorisés.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Démasquer ce document ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Démasquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le document « %1 » sera supprimé de votre carnet. Cette action ne peut pas être annulée.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer ce document ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être lu. Vérifiez qu&apos;il existe toujours et réessayez.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;opération a échoué ; rien n&apos;a été modifié.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Démasquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Masquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouté par : %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ce document ne peut pas être supprimé, seulement masqué.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les documents ajoutés par un professionnel ou l&apos;Assurance Maladie ne peuvent être que masqués.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer le document choisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Catégorie :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toutes les catégories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ajouter un document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;fficher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Supprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous pouvez aussi glisser un fichier dans cette fenêtre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Titre :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caté&amp;gorie :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date du &amp;document :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enregistrer le document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;nnuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtrer par catégorie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&apos;afficher que les documents de cette catégorie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liste des documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrée pour afficher le document choisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisir un fichier PDF, une image ou un texte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afficher le document choisi dans Carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masquer ou démasquer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cacher le document aux professionnels, ou le montrer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titre du document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catégorie du document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date du document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer le document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chiffrer et ranger le fichier dans le carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne pas ajouter ce fichier.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <source>Accueil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profil médical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mesures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paramètres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubriques du carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1 à Ctrl+5 pour changer de rubrique.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryColumns</name>
    <message>
        <source>Rubrique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Élément</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>JJ/MM/AAAA, MM/AAAA ou AAAA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JJ/MM/AAAA HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>06 12 34 56 78</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;enregistrement a échoué ; vos saisies sont conservées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ajouter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enregistrer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vider le formulaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enregistrer cet élément dans « %1 ».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vider le formulaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effacer les champs saisis.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Accueil — carnet de %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accueil</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n élément(s) dans le profil médical</source>
        <translation>
            <numerusform>%n élément dans le profil médical</numerusform>
            <numerusform>%n éléments dans le profil médical</numerusform>
        </translation>
    </message>
    <message>
        <source>Synchronisation : hors ligne — vos données restent sur cet ordinateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Derniers éléments ajoutés ou modifiés</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derniers éléments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les éléments du carnet, du plus récent au plus ancien.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Carnet verrouillé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carnet ouvert : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hors ligne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État du carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>État de la synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hors ligne : le service en ligne n&apos;est pas encore joignable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carnet — mon carnet de santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verrouiller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verrouiller le carnet maintenant (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Affichage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;grandir le texte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Réduire le texte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contraste élevé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Langue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeasuresPage</name>
    <message numerus="yes">
        <source>%n mesure(s) sur le graphique</source>
        <translation>
            <numerusform>%n mesure sur le graphique</numerusform>
            <numerusform>%n mesures sur le graphique</numerusform>
        </translation>
    </message>
    <message>
        <source>Systolique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diastolique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mesures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mesure :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter une mesure : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aucune mesure « %1 » pour l&apos;instant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type de mesure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez la mesure à afficher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Historique des mesures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graphique des mesures</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordStrengthMeter</name>
    <message>
        <source>Saisissez un mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Très faible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moyen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — pas encore accepté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — accepté</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solidité du mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Modifier l&apos;élément</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;élément « %1 » sera supprimé de votre profil médical.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer cet élément ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;opération a échoué ; rien n&apos;a été modifié.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profil médical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ajouter dans « %1 »</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Modifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Supprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Non concerné</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubriques du profil médical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez une rubrique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Éléments de la rubrique %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrée pour modifier l&apos;élément choisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifier l&apos;élément choisi dans le formulaire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supprimer l&apos;élément choisi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non concerné</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indiquer que vous n&apos;êtes pas concerné par « %1 ».</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>Clé de secours Carnet : %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si vous oubliez votre mot de passe, cette clé est le seul moyen d&apos;ouvrir votre carnet. Imprimez-la ou recopiez-la et rangez-la en lieu sûr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elle ne sera plus affichée ensuite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Imprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>J&apos;ai &amp;noté ma clé, continuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imprimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imprimer la clé de secours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir mon carnet ; la clé ne sera plus affichée.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceUnavailablePage</name>
    <message>
        <source>Activer Mon espace santé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me connecter à mon compte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&apos;opposer à la création de mon espace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le service en ligne n&apos;est pas joignable pour le moment : cette démarche a besoin d&apos;une connexion au service Carnet. Rien n&apos;a été envoyé ni enregistré.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vous pouvez réessayer plus tard, ou créer dès maintenant un carnet sur cet ordinateur : il fonctionne sans connexion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retour à l&apos;accueil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retour à l&apos;accueil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenir aux choix de l&apos;écran d&apos;accueil.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Vous avez ouvert votre carnet avec la clé de secours : choisissez un nouveau mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Les deux mots de passe ne sont pas identiques.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vérification du mot de passe actuel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre mot de passe a été changé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le mot de passe actuel est incorrect : rien n&apos;a été changé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le mot de passe n&apos;a pas pu être changé ; l&apos;ancien reste valable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paramètres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affichage et langue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sécurité</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe &amp;actuel :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nouveau mot de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirmer :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hanger le mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Taille du texte :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contraste é&amp;levé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;gue :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verrouiller après (minutes d&apos;inactivité) :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe actuel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez d&apos;abord le mot de passe actuel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nouveau mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmer le nouveau mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changer le mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remplacer le mot de passe ; vos données ne sont pas rechiffrées.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taille du texte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De 100 à 200 pour cent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contraste élevé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Texte blanc sur fond noir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Langue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Langue de l&apos;interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Délai de verrouillage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le carnet se verrouille après ce nombre de minutes sans activité.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Aucun carnet n&apos;existe encore sur cet ordinateur. Revenez à l&apos;accueil pour en créer un.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saisissez votre mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouverture du carnet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le carnet n&apos;a pas pu être ouvert. Réessayez ; si cela persiste, redémarrez Carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir mon carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre carnet est chiffré sur cet ordinateur. Saisissez votre mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Carnet :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mot de passe :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clé de &amp;secours :</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>J&apos;ai &amp;oublié mon mot de passe : utiliser ma clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utiliser la clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir le carnet avec la clé de secours imprimée à sa création, puis choisir un nouveau mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Déverrouiller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carnet à ouvrir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choisissez le carnet de la personne.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clé de secours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La clé imprimée à la création du carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mot de passe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le mot de passe de ce carnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Déverrouiller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir le carnet avec ce mot de passe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenir à l&apos;écran d&apos;accueil.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Bienvenue dans Carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Votre carnet de santé personnel, chiffré sur cet ordinateur. Choisissez ce que vous souhaitez faire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>J&apos;ai reçu mon &amp;code d&apos;activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activer Mon espace santé avec le code reçu par courrier ou par e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>J&apos;ai &amp;déjà un compte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me connecter au service et installer mon carnet sur cet ordinateur.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ouvrir mon carnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ouvrir le carnet déjà présent sur cet ordinateur, même sans connexion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Je ne veux &amp;pas de Mon espace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&apos;opposer à la création de mon espace santé.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;réer un carnet sur cet ordinateur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commencer un carnet personnel, sans compte en ligne pour l&apos;instant.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
