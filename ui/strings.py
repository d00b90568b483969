"""Every UI string of GAN Studio, in English and French. Keys are 'page.item'; values use str.format fields."""

STRINGS: dict[str, dict[str, str]] = {
    # --- sidebar and shared ---
    "sidebar.device": {"en": "Computing on: {device}", "fr": "Calcul sur : {device}"},
    "sidebar.cpu": {"en": "CPU ({n} threads)", "fr": "CPU ({n} threads)"},
    "state.queued": {"en": "queued", "fr": "en file d'attente"},
    "state.running": {"en": "running", "fr": "en cours"},
    "state.finished": {"en": "finished", "fr": "terminé"},
    "state.failed": {"en": "failed", "fr": "échoué"},
    "state.cancelled": {"en": "stopped", "fr": "arrêté"},
    "model.mlp": {"en": "vanilla GAN (fully connected, 2014)", "fr": "GAN original (couches denses, 2014)"},
    "model.dcgan": {"en": "DCGAN (convolutional, 2015)", "fr": "DCGAN (convolutionnel, 2015)"},
    "model.cdcgan": {"en": "conditional DCGAN (you pick the class)", "fr": "DCGAN conditionnel (vous choisissez la classe)"},
    "model.scdcgan": {"en": "self-conditioned DCGAN (finds the data's groups itself, no labels)",
                      "fr": "DCGAN auto-conditionné (trouve seul les groupes des données, sans étiquettes)"},
    "loss.minimax": {"en": "original minimax game", "fr": "jeu minimax original"},
    "loss.bce": {"en": "non-saturating BCE (the usual choice)", "fr": "BCE non saturante (le choix habituel)"},
    "loss.wgan-gp": {"en": "Wasserstein + gradient penalty", "fr": "Wasserstein + pénalité de gradient"},
    "loss.lsgan": {"en": "least squares", "fr": "moindres carrés"},
    "loss.hinge": {"en": "margin loss (SAGAN, BigGAN)", "fr": "perte à marge (SAGAN, BigGAN)"},
    "data.toy2d-ring": {"en": "8 Gaussians on a ring (2-D points)", "fr": "8 gaussiennes sur un anneau (points 2-D)"},
    "data.toy2d-grid": {"en": "25 Gaussians on a grid (2-D points)", "fr": "25 gaussiennes sur une grille (points 2-D)"},
    "data.toy2d-spiral": {"en": "a spiral (2-D points)", "fr": "une spirale (points 2-D)"},
    "data.toy2d-moons": {"en": "two half-moons (2-D points)", "fr": "deux demi-lunes (points 2-D)"},
    "data.digits": {"en": "handwritten digits (scikit-learn, 1,797)", "fr": "chiffres manuscrits (scikit-learn, 1 797)"},
    "data.shapes": {"en": "coloured shapes, 5 classes", "fr": "formes colorées, 5 classes"},
    "data.faces": {"en": "cartoon faces with attributes", "fr": "visages dessinés avec attributs"},
    "data.scenes-styles": {"en": "summer or winter scenes (labelled)", "fr": "paysages d'été ou d'hiver (étiquetés)"},
    "data.scenes-labels": {"en": "label maps -> landscape scenes (paired)", "fr": "cartes de régions -> paysages (appariés)"},
    "data.edges-objects": {"en": "edges -> filled objects (paired)", "fr": "contours -> objets remplis (appariés)"},
    "data.scenes-seasons": {"en": "summer and winter scenes (unpaired)", "fr": "paysages d'été et d'hiver (non appariés)"},
    "data.photos": {"en": "photos bundled with scikit-image", "fr": "photos fournies avec scikit-image"},
    "data.mnist": {"en": "MNIST digits (torchvision)", "fr": "chiffres MNIST (torchvision)"},
    "data.fashion-mnist": {"en": "Fashion-MNIST clothes (torchvision)", "fr": "vêtements Fashion-MNIST (torchvision)"},
    "data.cifar10": {"en": "CIFAR-10 photos (torchvision)", "fr": "photos CIFAR-10 (torchvision)"},
    # --- home ---
    "home.title": {"en": "GAN Studio", "fr": "GAN Studio"},
    "home.intro": {
        "en": "Learn, train, try and judge **generative adversarial networks** in your browser. A GAN is two neural "
              "networks playing a game: a **generator** turns random noise into images, and a **discriminator** tries "
              "to tell those images from real ones. Each gets better by beating the other.",
        "fr": "Apprenez, entraînez, essayez et évaluez des **réseaux antagonistes génératifs** dans votre navigateur. "
              "Un GAN, ce sont deux réseaux qui jouent l'un contre l'autre : un **générateur** transforme du bruit "
              "aléatoire en images, et un **discriminateur** tente de les distinguer des vraies. Chacun progresse en "
              "battant l'autre.",
    },
    "home.game_title": {"en": "The minimax game", "fr": "Le jeu minimax"},
    "home.game_text": {
        "en": "The discriminator D outputs the probability that its input is real. It maximises the value below "
              "(say 'real' to real data x, 'fake' to G(z)); the generator G minimises it.",
        "fr": "Le discriminateur D donne la probabilité que son entrée soit réelle. Il maximise la valeur ci-dessous "
              "(dire « vrai » aux données x, « faux » à G(z)) ; le générateur G la minimise.",
    },
    "home.game_after": {
        "en": "At the equilibrium G copies the data distribution and D can only guess: D = 0.5 everywhere. In "
              "practice G minimises −log D(G(z)) instead (the **non-saturating** loss): same goal, stronger gradients "
              "while G is still bad, as the chart shows.",
        "fr": "À l'équilibre, G reproduit la distribution des données et D ne peut que deviner : D = 0,5 partout. En "
              "pratique, G minimise plutôt −log D(G(z)) (la perte **non saturante**) : même but, mais des gradients "
              "plus forts tant que G est mauvais, comme le montre le graphique.",
    },
    "home.chart_caption": {
        "en": "Left side of the chart: when D easily spots fakes (D(G(z)) near 0), the minimax curve is flat, so G "
              "barely learns; the non-saturating curve is steep there.",
        "fr": "À gauche du graphique : quand D repère facilement les faux (D(G(z)) proche de 0), la courbe minimax est "
              "plate et G apprend à peine ; la courbe non saturante y est raide.",
    },
    "home.real_fake_title": {"en": "Real or generated?", "fr": "Vrai ou généré ?"},
    "home.real_caption": {"en": "Real: scikit-learn's handwritten digits (upscaled to 32x32)",
                          "fr": "Vrais : les chiffres manuscrits de scikit-learn (agrandis en 32x32)"},
    "home.fake_caption": {"en": "Generated by the shipped DCGAN ({steps:,} training steps on the CPU)",
                          "fr": "Générés par le DCGAN fourni ({steps:,} pas d'entraînement sur CPU)"},
    "home.no_shipped": {"en": "The shipped digits model is missing: train one on the Train page.",
                        "fr": "Le modèle de chiffres fourni est absent : entraînez-en un sur la page Entraîner."},
    "home.map_title": {"en": "Where to go", "fr": "Où aller"},
    "home.map_train": {"en": "Train a GAN on digits, shapes, faces, 2-D toys or your own images, and watch it learn live.",
                       "fr": "Entraînez un GAN sur des chiffres, formes, visages, jeux 2-D ou vos images, et regardez-le apprendre."},
    "home.map_generate": {"en": "Sample from shipped or your own models: seeds, classes, truncation, interpolation, latent arithmetic.",
                          "fr": "Échantillonnez des modèles fournis ou les vôtres : graines, classes, troncature, interpolation, arithmétique latente."},
    "home.map_translate": {"en": "Image-to-image translation with Pix2Pix and CycleGAN: draw a landscape, change the season, train your own.",
                           "fr": "Traduction d'image à image avec Pix2Pix et CycleGAN : dessinez un paysage, changez de saison, entraînez le vôtre."},
    "home.map_sr": {"en": "Super-resolution: enlarge a photo x4 with a pixel-loss model and its GAN fine-tune; see why sharper scores lower.",
                    "fr": "Super-résolution : agrandir une photo x4 avec un modèle sur les pixels et son affinage GAN ; voir pourquoi plus net est moins bien noté."},
    "home.map_evaluate": {"en": "Compare generators with FID, KID, IS and precision/recall; coverage, copies, progress over training.",
                          "fr": "Comparez des générateurs avec FID, KID, IS et précision/rappel ; couverture, copies, progrès pendant l'entraînement."},
    "home.map_ethics": {"en": "Real or generated? A detector, frequency spectra and a quiz; how detectors fail, bias in samples, provenance, ethics.",
                        "fr": "Vrai ou généré ? Un détecteur, des spectres et un quiz ; les failles des détecteurs, les biais, la provenance, l'éthique."},
    "home.jobs_title": {"en": "Your training jobs", "fr": "Vos entraînements"},
    "home.device": {"en": "Device: {device} · whole server (all users): {running} running, {queued} waiting",
                    "fr": "Matériel : {device} · tout le serveur (tous les utilisateurs) : {running} en cours, {queued} en attente"},
    "home.about": {"en": "About this server", "fr": "À propos de ce serveur"},
    "home.about_text": {"en": "GAN Studio engine {engine} · Python {python} · PyTorch {torch} · Streamlit {streamlit} · "
                              "CUDA: {cuda}",
                        "fr": "Moteur GAN Studio {engine} · Python {python} · PyTorch {torch} · Streamlit {streamlit} · "
                              "CUDA : {cuda}"},
    "home.yes": {"en": "yes", "fr": "oui"},
    "home.no": {"en": "no", "fr": "non"},
    "home.no_jobs": {"en": "No jobs yet: start one on the Train page.", "fr": "Aucun entraînement : lancez-en un sur la page Entraîner."},
    "home.where_local": {"en": "Jobs run on: this machine ({cpus} CPUs)", "fr": "Les entraînements tournent sur : cette machine ({cpus} CPU)"},
    "home.where_ray": {"en": "Jobs run on: Ray cluster at {address}, {cpus} CPUs, {gpus} GPUs",
                       "fr": "Les entraînements tournent sur : le cluster Ray à {address}, {cpus} CPU, {gpus} GPU"},
    "home.where_ray_down": {"en": "Jobs run on: Ray cluster at {address}, which cannot be reached now: new jobs will fail to start",
                            "fr": "Les entraînements tournent sur : le cluster Ray à {address}, injoignable pour l'instant : les nouveaux entraînements ne pourront pas démarrer"},
    "jobs.col_id": {"en": "Run", "fr": "Entraînement"},
    "jobs.col_state": {"en": "State", "fr": "État"},
    "jobs.col_model": {"en": "Model", "fr": "Modèle"},
    "jobs.col_data": {"en": "Data", "fr": "Données"},
    "jobs.col_submitted": {"en": "Submitted", "fr": "Soumis à"},
    "jobs.col_reason": {"en": "Note", "fr": "Remarque"},
    "jobs.col_name": {"en": "Name", "fr": "Nom"},
    "jobs.col_tags": {"en": "Tags", "fr": "Étiquettes"},
    "label.name": {"en": "Run name (optional)", "fr": "Nom de l'entraînement (facultatif)"},
    "label.name_placeholder": {"en": "e.g. ring, lr 2e-4", "fr": "p. ex. anneau, lr 2e-4"},
    "label.name_help": {"en": "Shown with the run wherever your runs are listed; you can change it later in the run's view.",
                        "fr": "Affiché avec l'entraînement partout où vos entraînements sont listés ; modifiable ensuite dans sa vue."},
    "label.tags": {"en": "Tags (comma-separated)", "fr": "Étiquettes (séparées par des virgules)"},
    "label.tags_placeholder": {"en": "e.g. week 3, mode collapse", "fr": "p. ex. semaine 3, effondrement de modes"},
    "label.tags_help": {"en": "Up to {n} short words that group runs: a lesson, an experiment, a question.",
                        "fr": "Jusqu'à {n} mots courts qui regroupent des entraînements : une leçon, une expérience, une question."},
    "label.edit": {"en": "Name and tags", "fr": "Nom et étiquettes"},
    "label.save": {"en": "Save name and tags", "fr": "Enregistrer le nom et les étiquettes"},
    "label.saved": {"en": "Name and tags saved.", "fr": "Nom et étiquettes enregistrés."},
    "teacher.title": {"en": "Teacher", "fr": "Enseignant"},
    "teacher.intro": {"en": "Every student's runs and the server's queue: stop a run, or move a waiting one up or down. "
                            "Students are known by a short code of their browser: ask them to put their name in their "
                            "runs' names.",
                      "fr": "Les entraînements de tous les élèves et la file d'attente du serveur : arrêtez un "
                            "entraînement, ou faites monter ou descendre un entraînement en attente. Les élèves sont "
                            "connus par un code court de leur navigateur : demandez-leur de mettre leur nom dans celui "
                            "de leurs entraînements."},
    "teacher.absent": {"en": "There is no page here.", "fr": "Il n'y a pas de page ici."},
    "teacher.token": {"en": "Teacher token", "fr": "Jeton enseignant"},
    "teacher.token_help": {"en": "The token the server's operator set (GANSTUDIO_TEACHER_TOKEN). It stays on the server "
                                 "for this tab only: a reload asks for it again.",
                           "fr": "Le jeton fixé par l'administrateur du serveur (GANSTUDIO_TEACHER_TOKEN). Il reste sur le "
                                 "serveur pour cet onglet seulement : un rechargement le redemande."},
    "teacher.sign_in": {"en": "Open the teacher's view", "fr": "Ouvrir la vue enseignant"},
    "teacher.wrong": {"en": "That is not the teacher token.", "fr": "Ce n'est pas le jeton enseignant."},
    "teacher.sign_out": {"en": "Close the teacher's view", "fr": "Fermer la vue enseignant"},
    "teacher.queue_title": {"en": "Running and waiting", "fr": "En cours et en attente"},
    "teacher.queue_empty": {"en": "Nothing is running or waiting.", "fr": "Rien ne tourne ni n'attend."},
    "teacher.position": {"en": "waiting #{pos}", "fr": "en attente n° {pos}"},
    "teacher.up": {"en": "Up", "fr": "Monter"},
    "teacher.down": {"en": "Down", "fr": "Descendre"},
    "teacher.stop": {"en": "Stop", "fr": "Arrêter"},
    "teacher.stopped": {"en": "Stopped: {name}", "fr": "Arrêté : {name}"},
    "teacher.student": {"en": "student {id}", "fr": "élève {id}"},
    "teacher.col_student": {"en": "Student", "fr": "Élève"},
    "teacher.all_title": {"en": "Every run, as a table", "fr": "Tous les entraînements, en tableau"},
    "teacher.none": {"en": "No runs yet.", "fr": "Aucun entraînement pour l'instant."},
    "teacher.class_title": {"en": "The class's runs side by side", "fr": "Les entraînements de la classe côte à côte"},
    "teacher.tags_filter": {"en": "Only runs tagged", "fr": "Seulement les entraînements étiquetés"},
    "teacher.tags_all": {"en": "every run (choose tags to narrow)", "fr": "tous les entraînements (choisissez des étiquettes pour restreindre)"},
    "teacher.newest": {"en": "The {n} newest of {total} runs; choose tags to see others.",
                       "fr": "Les {n} entraînements les plus récents sur {total} ; choisissez des étiquettes pour voir les autres."},
    "teacher.no_sample": {"en": "No sample yet.", "fr": "Pas encore d'échantillon."},
    "teacher.no_metrics": {"en": "No values yet.", "fr": "Pas encore de valeurs."},
    "teacher.compare": {"en": "Compare across runs", "fr": "Comparer entre entraînements"},
    # --- charts ---
    "chart.probe": {"en": "Quality probe", "fr": "Sonde de qualité"},
    "chart.probe_covered": {"en": "kinds covered (share)", "fr": "sortes couvertes (part)"},
    "chart.probe_variety": {"en": "variety (1 = real data's)", "fr": "variété (1 = celle des vraies)"},
    "chart.probe_fid": {"en": "FID (domain classifier)", "fr": "FID (classifieur du domaine)"},
    "chart.probe_fid_axis": {"en": "FID (log)", "fr": "FID (log)"},
    "chart.probe_share_axis": {"en": "share, variety", "fr": "part, variété"},
    "chart.probe_best": {"en": "best: step {step:,}", "fr": "meilleur : pas {step:,}"},
    "chart.step": {"en": "training step", "fr": "pas d'entraînement"},
    "chart.by_run": {"en": "{value}, run by run", "fr": "{value}, entraînement par entraînement"},
    "chart.loss": {"en": "loss", "fr": "perte"},
    "chart.losses": {"en": "Losses", "fr": "Pertes"},
    "chart.d_outputs": {"en": "D(x) vs D(G(z))", "fr": "D(x) et D(G(z))"},
    "chart.probability": {"en": "mean probability 'real'", "fr": "probabilité moyenne « vrai »"},
    "chart.score": {"en": "mean critic score", "fr": "score moyen du critique"},
    "chart.d_outputs_reference": {"en": "equilibrium 0.5", "fr": "équilibre 0,5"},
    "chart.reference": {"en": "reference {x}", "fr": "référence {x}"},
    "chart.accuracy": {"en": "accuracy", "fr": "exactitude"},
    "chart.value": {"en": "value", "fr": "valeur"},
    "chart.values": {"en": "Values", "fr": "Valeurs"},
    "series.loss_d": {"en": "discriminator loss", "fr": "perte du discriminateur"},
    "series.loss_g": {"en": "generator loss", "fr": "perte du générateur"},
    "series.d_real": {"en": "D(x)", "fr": "D(x)"},
    "series.d_fake": {"en": "D(G(z))", "fr": "D(G(z))"},
    "series.grad_norm_d": {"en": "‖∇D‖", "fr": "‖∇D‖"},
    "series.grad_norm_g": {"en": "‖∇G‖", "fr": "‖∇G‖"},
    "series.loss": {"en": "loss", "fr": "perte"},
    "series.train_accuracy": {"en": "accuracy on training batches", "fr": "exactitude sur les lots d'entraînement"},
    "chart.train_accuracy": {"en": "Accuracy on training batches", "fr": "Exactitude sur les lots d'entraînement"},
    "task.gan": {"en": "GAN", "fr": "GAN"},
    "task.classifier": {"en": "classifier", "fr": "classifieur"},
    "task.pix2pix": {"en": "Pix2Pix", "fr": "Pix2Pix"},
    "task.cyclegan": {"en": "CycleGAN", "fr": "CycleGAN"},
    "task.superres": {"en": "super-resolution", "fr": "super-résolution"},
    "task.detector": {"en": "real-vs-fake detector", "fr": "détecteur vrai/faux"},
    "chart.adversarial": {"en": "Adversarial losses", "fr": "Pertes adverses"},
    "chart.l1": {"en": "L1 to the target", "fr": "L1 par rapport à la cible"},
    "chart.generator_terms": {"en": "Generators' terms", "fr": "Termes des générateurs"},
    "chart.discriminators": {"en": "Discriminators", "fr": "Discriminateurs"},
    "chart.lr": {"en": "Learning rate", "fr": "Taux d'apprentissage"},
    "series.loss_g_gan": {"en": "generator, adversarial", "fr": "générateur, adverse"},
    "series.loss_g_l1": {"en": "L1 to the target", "fr": "L1 par rapport à la cible"},
    "series.loss_cycle": {"en": "cycle consistency", "fr": "cohérence de cycle"},
    "series.loss_identity": {"en": "identity", "fr": "identité"},
    "series.loss_d_a": {"en": "discriminator A", "fr": "discriminateur A"},
    "series.loss_d_b": {"en": "discriminator B", "fr": "discriminateur B"},
    "series.lr": {"en": "learning rate", "fr": "taux d'apprentissage"},
    "job.charts_help_pix2pix": {
        "en": "The L1 curve should fall steadily: the outputs get closer to their targets. The adversarial losses "
              "stay in a tug of war; D's outputs near 1 and 0 for long mean D has won and the textures stop improving.",
        "fr": "La courbe L1 doit baisser régulièrement : les sorties se rapprochent de leurs cibles. Les pertes adverses "
              "restent en tension ; des sorties de D longtemps proches de 1 et 0 signifient que D a gagné et que les "
              "textures ne progressent plus.",
    },
    "job.charts_help_cyclegan": {
        "en": "The cycle term should fall: going there and back returns the input. The learning rate falls to zero "
              "over the second half of the run, which calms the game at the end.",
        "fr": "Le terme de cycle doit baisser : l'aller-retour rend l'entrée. Le taux d'apprentissage descend à zéro "
              "pendant la seconde moitié de l'entraînement, ce qui calme le jeu à la fin.",
    },
    "chart.grad_norms": {"en": "Gradient norms", "fr": "Normes des gradients"},
    "chart.norm": {"en": "norm (log scale)", "fr": "norme (échelle log)"},
    "chart.real": {"en": "real", "fr": "réel"},
    "chart.generated": {"en": "generated", "fr": "généré"},
    "chart.points": {"en": "Real vs generated points (step {step:,})", "fr": "Points réels et générés (pas {step:,})"},
    "chart.minimax_curve": {"en": "minimax: log(1 − D(G(z)))", "fr": "minimax : log(1 − D(G(z)))"},
    "chart.nonsat_curve": {"en": "non-saturating: −log D(G(z))", "fr": "non saturante : −log D(G(z))"},
    "chart.g_loss_title": {"en": "Generator loss as a function of D(G(z))", "fr": "Perte du générateur selon D(G(z))"},
    "chart.g_loss_axis": {"en": "generator loss", "fr": "perte du générateur"},
    "chart.fid_curve": {"en": "FID over training steps ({n:,} samples per point)", "fr": "FID au fil de l'entraînement ({n:,} échantillons par point)"},
    "chart.uniform": {"en": "uniform", "fr": "uniforme"},
    "chart.share": {"en": "share of samples", "fr": "part des échantillons"},
    # --- train ---
    "train.title": {"en": "Train", "fr": "Entraîner"},
    "train.intro": {
        "en": "Pick a data set, a model and a loss, then press start: training runs in the background, so you can "
              "leave and come back. The charts show the two players' losses, how sure D is about real and fake "
              "images, and the samples G makes from the same fixed noise as it improves.",
        "fr": "Choisissez des données, un modèle et une perte, puis lancez : l'entraînement tourne en arrière-plan, "
              "vous pouvez partir et revenir. Les graphiques montrent les pertes des deux joueurs, la confiance de D "
              "sur les vraies et fausses images, et les échantillons que G produit à partir du même bruit fixe.",
    },
    "train.new_run": {"en": "New training run", "fr": "Nouvel entraînement"},
    "train.preset": {"en": "Lesson preset", "fr": "Réglages de leçon"},
    "train.preset_none": {"en": "none: my own settings", "fr": "aucun : mes propres réglages"},
    "train.preset_help": {"en": "Ready-made settings for a lesson: choosing one fills the form below (you may still "
                                "change anything before you start).",
                          "fr": "Des réglages tout prêts pour une leçon : en choisir un remplit le formulaire ci-dessous "
                                "(vous pouvez encore tout changer avant de lancer)."},
    "preset.ring-collapse": {"en": "Mode collapse on the ring", "fr": "Effondrement de modes sur l'anneau"},
    "preset.ring-collapse_lesson": {
        "en": "8 Gaussians in a ring, and a G that takes 5 fast steps for each of D's: it chases the one spot D "
              "likes best, so its points pile up on one mode instead of covering all 8.",
        "fr": "8 gaussiennes en anneau, et un G qui fait 5 pas rapides pour chaque pas de D : il poursuit l'endroit "
              "que D préfère, et ses points s'entassent sur un mode au lieu de couvrir les 8."},
    "preset.ring-stable": {"en": "The ring, every mode covered", "fr": "L'anneau, tous les modes couverts"},
    "preset.ring-stable_lesson": {
        "en": "The same ring with one G step per D step at the usual rate: compare its samples with the collapsed "
              "run's.",
        "fr": "Le même anneau avec un pas de G par pas de D au taux habituel : comparez ses échantillons à ceux de "
              "l'entraînement effondré."},
    "preset.digits-2min": {"en": "DCGAN on digits in 2 minutes", "fr": "DCGAN sur les chiffres en 2 minutes"},
    "preset.digits-2min_lesson": {
        "en": "Two minutes of DCGAN on handwritten digits: blobs first, then strokes, then digits.",
        "fr": "Deux minutes de DCGAN sur des chiffres manuscrits : d'abord des taches, puis des traits, puis des "
              "chiffres."},
    "preset.grid-minimax": {"en": "WGAN-GP vs minimax (1/2): minimax", "fr": "WGAN-GP contre minimax (1/2) : minimax"},
    "preset.grid-minimax_lesson": {
        "en": "The original minimax loss on the 5×5 grid; start part 2 next and compare the modes each covers.",
        "fr": "La perte minimax originale sur la grille 5×5 ; lancez ensuite la partie 2 et comparez les modes "
              "couverts."},
    "preset.grid-wgan-gp": {"en": "WGAN-GP vs minimax (2/2): WGAN-GP", "fr": "WGAN-GP contre minimax (2/2) : WGAN-GP"},
    "preset.grid-wgan-gp_lesson": {
        "en": "The same grid and seed with a critic, a gradient penalty and 5 critic steps per G step.",
        "fr": "La même grille et la même graine avec un critique, une pénalité de gradient et 5 pas du critique par "
              "pas de G."},
    "preset.digits-conditional": {"en": "Conditional DCGAN: pick the digit", "fr": "DCGAN conditionnel : choisissez le chiffre"},
    "preset.digits-conditional_lesson": {
        "en": "Three minutes of a conditional DCGAN on digits; then ask the Generate page for the digit you want.",
        "fr": "Trois minutes de DCGAN conditionnel sur les chiffres ; demandez ensuite le chiffre voulu à la page "
              "Générer."},
    "train.data": {"en": "Data set", "fr": "Jeu de données"},
    "train.data_help": {"en": "Every listed set works offline, except the torchvision ones, which need their files on disk.",
                        "fr": "Tous les jeux listés marchent hors ligne, sauf ceux de torchvision, qui demandent leurs fichiers sur le disque."},
    "train.data_upload": {"en": "Your own images (upload a .zip)", "fr": "Vos images (envoyer un .zip)"},
    "train.upload_zip": {"en": "Zip of images, up to {mb} MB (sub-folders become classes)",
                         "fr": "Zip d'images, {mb} Mo au plus (les sous-dossiers deviennent des classes)"},
    "train.upload_help": {"en": "PNG, JPEG, WebP, BMP or GIF images; at least 16. Archives are checked before use.",
                          "fr": "Images PNG, JPEG, WebP, BMP ou GIF ; au moins 16. Les archives sont vérifiées avant usage."},
    "train.need_upload": {"en": "upload a zip of images first", "fr": "envoyez d'abord un zip d'images"},
    "train.zip_refused": {"en": "Refused: {reason}", "fr": "Refusé : {reason}"},
    "train.zip_accepted": {"en": "{name}: {n:,} images, {classes}. Ready to train.", "fr": "{name} : {n:,} images, {classes}. Prêt pour l'entraînement."},
    "train.zip_classes": {"en": "{n} classes from its sub-folders", "fr": "{n} classes tirées de ses sous-dossiers"},
    "train.zip_no_classes": {"en": "no classes (no sub-folders)", "fr": "sans classes (pas de sous-dossiers)"},
    "train.not_here": {"en": "(not on this server)", "fr": "(absent de ce serveur)"},
    "train.missing_data": {
        "en": "{name} is not on this server (it is never downloaded while you wait). Choose another data set, or ask "
              "whoever runs the server to add its files (README, section Data).",
        "fr": "{name} n'est pas sur ce serveur (rien n'est téléchargé pendant que vous attendez). Choisissez un autre jeu "
              "de données, ou demandez à qui gère le serveur d'ajouter ses fichiers (README, section Data).",
    },
    "train.model": {"en": "Model", "fr": "Modèle"},
    "train.model_help": {"en": "2-D point sets use the fully connected GAN; images can use any model. The default for "
                               "images, the self-conditioned DCGAN, first sorts the pictures into 10 groups by k-means "
                               "(no labels), then learns to draw from each group: sharper digits in a minute than a plain "
                               "DCGAN, which also draws shapes between two digits.",
                         "fr": "Les nuages de points 2-D utilisent le GAN dense ; les images acceptent tous les modèles. Le "
                               "modèle par défaut des images, le DCGAN auto-conditionné, range d'abord les images en 10 "
                               "groupes par k-moyennes (sans étiquettes), puis apprend à dessiner chaque groupe : des "
                               "chiffres plus nets en une minute qu'un DCGAN simple, qui dessine aussi des formes entre deux "
                               "chiffres."},
    "train.loss": {"en": "Loss", "fr": "Perte"},
    "train.loss_help": {"en": "How D is scored and how G is told to improve. Non-saturating BCE is the standard start.",
                        "fr": "Comment D est noté et comment G est poussé à progresser. La BCE non saturante est le point de départ standard."},
    "train.steps": {"en": "Training steps", "fr": "Pas d'entraînement"},
    "train.steps_help": {"en": "One step = one D update and one G update on a batch.", "fr": "Un pas = une mise à jour de D et une de G sur un lot."},
    "train.time_budget": {"en": "Time budget (s, 0 = none)", "fr": "Budget de temps (s, 0 = aucun)"},
    "train.time_budget_help": {"en": "Stop after this many seconds even if steps remain.",
                               "fr": "S'arrêter après ce nombre de secondes, même s'il reste des pas."},
    "train.batch": {"en": "Batch size", "fr": "Taille de lot"},
    "train.batch_help": {"en": "Images per step; 32-64 is the usual, stable choice.", "fr": "Images par pas ; 32-64 est le choix usuel et stable."},
    "train.advanced": {"en": "Optimiser and architecture", "fr": "Optimiseur et architecture"},
    "train.lr_g": {"en": "Learning rate G", "fr": "Taux d'apprentissage G"},
    "train.lr_d": {"en": "Learning rate D", "fr": "Taux d'apprentissage D"},
    "train.lr_help": {"en": "DCGAN's default is 0.0002.", "fr": "Valeur par défaut de DCGAN : 0,0002."},
    "train.ttur_help": {"en": "A different rate for D than for G is the 'two time-scale update rule' (TTUR).",
                        "fr": "Un taux différent pour D et G, c'est la « règle à deux échelles de temps » (TTUR)."},
    "train.beta_help": {"en": "DCGAN uses β1 = 0.5 (less momentum than Adam's default 0.9).",
                        "fr": "DCGAN utilise β1 = 0,5 (moins d'inertie que le 0,9 par défaut d'Adam)."},
    "train.d_steps": {"en": "D steps per step", "fr": "Pas de D par pas"},
    "train.g_steps": {"en": "G steps per step", "fr": "Pas de G par pas"},
    "train.ratio_help": {"en": "The G:D update ratio; WGAN-GP often uses 5 D steps.", "fr": "Le ratio de mises à jour G:D ; WGAN-GP utilise souvent 5 pas de D."},
    "train.width": {"en": "Width (feature maps)", "fr": "Largeur (cartes de features)"},
    "train.width_help": {"en": "64 is the canonical DCGAN; 32 trains about three times faster on a CPU.",
                         "fr": "64 est le DCGAN canonique ; 32 s'entraîne environ trois fois plus vite sur CPU."},
    "train.image_size": {"en": "Image size", "fr": "Taille d'image"},
    "train.seed": {"en": "Random seed", "fr": "Graine aléatoire"},
    "train.seed_help": {"en": "Same seed, same settings, same machine: the same run.", "fr": "Même graine, mêmes réglages, même machine : le même entraînement."},
    "train.stabilisers": {"en": "Stabilisers", "fr": "Stabilisateurs"},
    "train.spectral": {"en": "Spectral norm in D", "fr": "Norme spectrale dans D"},
    "train.spectral_help": {"en": "Limits how fast D can change (Miyato et al. 2018).", "fr": "Limite la vitesse à laquelle D peut changer (Miyato et al. 2018)."},
    "train.smoothing": {"en": "One-sided label smoothing", "fr": "Lissage unilatéral des étiquettes"},
    "train.smoothing_help": {"en": "D aims at 1 − s for real images instead of 1, so it stays less sure of itself.",
                             "fr": "D vise 1 − s pour les vraies images au lieu de 1 : il reste moins sûr de lui."},
    "train.noise": {"en": "Instance noise", "fr": "Bruit d'instance"},
    "train.noise_help": {"en": "Gaussian noise added to D's inputs, fading to zero during training.",
                         "fr": "Bruit gaussien ajouté aux entrées de D, qui s'éteint au fil de l'entraînement."},
    "train.start": {"en": "Start training", "fr": "Lancer l'entraînement"},
    "train.refused": {"en": "Not started: {reason}", "fr": "Non lancé : {reason}"},
    "form.out_of_range": {"en": "{field} is {value}: it must be between {low} and {high}.",
                          "fr": "{field} vaut {value} : il faut une valeur entre {low} et {high}."},
    "train.server_caps": {"en": "This server allows at most {steps:,} steps and {time} per run.",
                          "fr": "Ce serveur permet au plus {steps:,} pas et {time} par entraînement."},
    "train.long_run": {"en": "This run would take about {time} on this server ({rate} steps/s, as runs like it went "
                             "here). Fewer steps or a time budget make it shorter; or start it anyway.",
                       "fr": "Cet entraînement prendrait environ {time} sur ce serveur ({rate} pas/s, comme les "
                             "entraînements semblables ici). Moins de pas ou un budget de temps le raccourcissent ; "
                             "ou lancez-le quand même."},
    "train.long_run_budget": {"en": "This run would take {time}, its whole time budget. A shorter budget ends it sooner; "
                                    "or start it anyway.",
                              "fr": "Cet entraînement prendrait {time}, tout son budget de temps. Un budget plus court "
                                    "le termine plus tôt ; ou lancez-le quand même."},
    "train.start_anyway": {"en": "Start it anyway", "fr": "Le lancer quand même"},
    "train.no_jobs": {"en": "You have no runs yet: choose settings above and press start.",
                      "fr": "Aucun entraînement pour l'instant : choisissez des réglages ci-dessus et lancez."},
    "train.your_runs": {"en": "Your runs", "fr": "Vos entraînements"},
    "train.go_generate": {"en": "Sample from this model on the Generate page", "fr": "Échantillonner ce modèle sur la page Générer"},
    # --- live job ---
    "job.header_task": {"en": "**{model}** on **{data}** · run `{id}`", "fr": "**{model}** sur **{data}** · entraînement `{id}`"},
    "job.header": {"en": "**{model}** on **{data}**, loss **{loss}** · run `{id}`", "fr": "**{model}** sur **{data}**, perte **{loss}** · entraînement `{id}`"},
    "job.queued": {"en": "Waiting in the queue: position {pos}. It starts as soon as a slot frees up.",
                   "fr": "En file d'attente : position {pos}. Il démarre dès qu'une place se libère."},
    "job.queued_wait": {"en": "Waiting in the queue: position {pos}. It should start in about {wait}.",
                        "fr": "En file d'attente : position {pos}. Il devrait démarrer dans {wait} environ."},
    "job.starting": {"en": "Starting…", "fr": "Démarrage…"},
    "job.progress": {"en": "Step {step:,} · {pct}% · about {eta} left · {ips} images/s",
                     "fr": "Pas {step:,} · {pct} % · encore {eta} environ · {ips} images/s"},
    "job.finished": {"en": "Finished at step {step}. {reason}", "fr": "Terminé au pas {step}. {reason}"},
    "job.cancelled": {"en": "Stopped: {reason}. The last checkpoint is kept.", "fr": "Arrêté : {reason}. Le dernier checkpoint est conservé."},
    "job.cancelled_empty": {"en": "Stopped: {reason}. No checkpoint had been written.", "fr": "Arrêté : {reason}. Aucun checkpoint n'avait été écrit."},
    "job.no_metrics_ended": {"en": "This run ended before its first measurements.", "fr": "Cet entraînement s'est arrêté avant ses premières mesures."},
    "job.no_samples_ended": {"en": "This run ended before its first samples.", "fr": "Cet entraînement s'est arrêté avant ses premiers échantillons."},
    # why a run ended (the ended event's code; ganengine.events), and what it kept
    "end.stopped": {"en": "stopped by you", "fr": "arrêté par vous"},
    "end.stopped_queued": {"en": "stopped by you before it started", "fr": "arrêté par vous avant son départ"},
    "end.teacher_stopped": {"en": "stopped by the teacher", "fr": "arrêté par l'enseignant"},
    "end.teacher_stopped_queued": {"en": "stopped by the teacher before it started", "fr": "arrêté par l'enseignant avant son départ"},
    "end.time_budget": {"en": "its time budget of {seconds:g} s was reached", "fr": "son budget de temps de {seconds:g} s est atteint"},
    "end.nan": {"en": "the {loss} loss became NaN or infinite at step {step}: training was unstable (try a lower learning rate)",
                "fr": "la perte {loss} est devenue NaN ou infinie au pas {step} : l'entraînement était instable (essayez un taux d'apprentissage plus bas)"},
    "end.out_of_memory": {"en": "it ran out of memory at step {step} with a batch of {batch}: try a smaller batch size or a narrower model",
                          "fr": "la mémoire a manqué au pas {step} avec un lot de {batch} : essayez un lot plus petit ou un modèle plus étroit"},
    "end.killed": {"en": "the training process was killed, most often for running out of memory: try a smaller batch size or model",
                   "fr": "le processus d'entraînement a été tué, le plus souvent faute de mémoire : essayez un lot ou un modèle plus petit"},
    "end.disk_full": {"en": "the disk is full ({mb:,} MB free)", "fr": "le disque est plein ({mb:,} Mo libres)"},
    "end.crash": {"en": "an error stopped it ({error})", "fr": "une erreur l'a arrêté ({error})"},
    "end.not_started": {"en": "it could not start: {error}", "fr": "il n'a pas pu démarrer : {error}"},
    "end.interrupted": {"en": "interrupted: the server stopped while this run was going; it can go on with Continue",
                        "fr": "interrompu : le serveur s'est arrêté pendant l'entraînement ; « Continuer » le reprend"},
    "end.abandoned": {"en": "stopped by the server: you had no GAN Studio tab open for {minutes:g} min; it can go on with Continue",
                      "fr": "arrêté par le serveur : aucun onglet GAN Studio ouvert depuis {minutes:g} min ; « Continuer » le reprend"},
    "end.abandoned_queued": {"en": "not started: you had no GAN Studio tab open for {minutes:g} min; start it again",
                             "fr": "non démarré : aucun onglet GAN Studio ouvert depuis {minutes:g} min ; relancez-le"},
    "end.worker_died": {"en": "the training process ended unexpectedly (exit code {exit})",
                        "fr": "le processus d'entraînement s'est arrêté de façon inattendue (code de sortie {exit})"},
    "end.runner_lost": {"en": "the job runner lost this run ({error})", "fr": "le gestionnaire de tâches a perdu cet entraînement ({error})"},
    "end.start_failed": {"en": "the training process could not start ({error})", "fr": "le processus d'entraînement n'a pas pu démarrer ({error})"},
    "end.final_write": {"en": "the final checkpoint could not be written ({why})", "fr": "le checkpoint final n'a pas pu être écrit ({why})"},
    "end.kept": {"en": "Its last good checkpoint (step {step:,}) is kept.", "fr": "Son dernier bon checkpoint (pas {step:,}) est conservé."},
    "end.none_kept": {"en": "No checkpoint had been written yet.", "fr": "Aucun checkpoint n'avait encore été écrit."},
    "warning.collapse": {
        "en": "**Mode collapse at step {step:,}**: the samples now cover only {covered} of the {kinds} kinds in the data "
              "(variety {variety:.2f} of the real data's). What usually helps: a lower learning rate, the WGAN-GP or "
              "hinge loss, spectral normalisation, or a label smoothing of 0.1; or keep an earlier checkpoint.",
        "fr": "**Effondrement de modes au pas {step:,}** : les échantillons ne couvrent plus que {covered} des {kinds} "
              "sortes des données (variété {variety:.2f} de celle des vraies). Ce qui aide d'habitude : un taux "
              "d'apprentissage plus bas, la perte WGAN-GP ou hinge, la normalisation spectrale, ou un lissage des "
              "étiquettes de 0,1 ; ou garder un checkpoint antérieur."},
    "warning.collapse_best": {"en": "The best checkpoint so far (step {step:,}) is kept: Generate and Evaluate offer it.",
                              "fr": "Le meilleur checkpoint jusqu'ici (pas {step:,}) est gardé : Générer et Évaluer le proposent."},
    "warning.probe_failed": {"en": "The quality probe failed and is off for this run ({error}); training goes on.",
                             "fr": "La sonde de qualité a échoué et est coupée pour cet entraînement ({error}) ; l'entraînement continue."},
    "warning.memory_retry": {"en": "Out of memory with this batch: it went on from step {step:,} with a batch of {batch}.",
                             "fr": "Mémoire insuffisante pour ce lot : il a repris au pas {step:,} avec un lot de {batch}."},
    "job.probe_help": {
        "en": "At each checkpoint a quick probe reads {n} samples: the share of the data's kinds (digit classes, modes "
              "of the points) they cover, their variety against real data's (1 = as varied), and, for images, an FID "
              "by the data set's own classifier (lower is better; not comparable with published Inception FIDs). The "
              "best checkpoint by the probe is kept besides the last.",
        "fr": "À chaque checkpoint, une sonde rapide lit {n} échantillons : la part des sortes des données (classes de "
              "chiffres, modes des points) qu'ils couvrent, leur variété face aux vraies données (1 = aussi variés) "
              "et, pour les images, une FID par le classifieur propre au jeu de données (plus bas est meilleur ; non "
              "comparable aux FID Inception publiées). Le meilleur checkpoint selon la sonde est gardé en plus du dernier."},
    "job.failed": {"en": "Failed: {reason}", "fr": "Échec : {reason}"},
    "job.stop": {"en": "Stop", "fr": "Arrêter"},
    "job.resume": {"en": "Resume from the last checkpoint", "fr": "Reprendre au dernier checkpoint"},
    "job.resume_refused": {"en": "Not resumed: {reason}", "fr": "Pas de reprise : {reason}"},
    "job.continue": {"en": "Continue training", "fr": "Continuer l'entraînement"},
    "job.continue_steps": {"en": "Steps in all (it has done {done:,})", "fr": "Pas au total (déjà faits : {done:,})"},
    "job.continue_seconds": {"en": "Seconds more", "fr": "Secondes de plus"},
    "job.stop_sent": {"en": "Stopping at the next step…", "fr": "Arrêt au prochain pas…"},
    "job.unqueued": {"en": "Taken out of the queue.", "fr": "Retiré de la file d'attente."},
    "job.download": {"en": "Download checkpoint", "fr": "Télécharger le checkpoint"},
    "job.no_metrics": {"en": "Charts appear after the first steps.", "fr": "Les graphiques apparaissent après les premiers pas."},
    "job.no_samples": {"en": "Samples appear at the first sample step.", "fr": "Les échantillons apparaissent au premier pas d'échantillonnage."},
    "job.charts_help_gan": {
        "en": "Healthy training: neither loss runs away, D(x) stays above D(G(z)) without reaching 1 vs 0. If D(G(z)) "
              "sinks to 0 and stays, D has won and G gets no signal; identical samples mean mode collapse.",
        "fr": "Entraînement sain : aucune perte ne s'envole, D(x) reste au-dessus de D(G(z)) sans atteindre 1 contre 0. "
              "Si D(G(z)) tombe à 0 et y reste, D a gagné et G ne reçoit plus de signal ; des échantillons identiques "
              "signalent un effondrement de modes.",
    },
    "job.charts_help_gan_critic": {
        "en": "With this loss D is a critic: it gives scores, not probabilities, so D(x) and D(G(z)) have no 0-to-1 "
              "range and no 0.5 balance point. Healthy training: the critic keeps scoring real data above generated "
              "data by a gap that shrinks as G improves, and no curve runs away; identical samples mean mode collapse.",
        "fr": "Avec cette perte, D est un critique : il donne des scores, pas des probabilités, donc D(x) et D(G(z)) "
              "n'ont ni plage de 0 à 1 ni point d'équilibre à 0,5. Entraînement sain : le critique note les vraies "
              "données au-dessus des générées, avec un écart qui se réduit à mesure que G progresse, et aucune courbe "
              "ne s'envole ; des échantillons identiques signalent un effondrement de modes.",
    },
    "job.charts_help_gan_lsgan": {
        "en": "With least squares D gives scores, not probabilities: it is pulled towards 1 on real images and 0 on "
              "generated ones, and may overshoot both. Healthy training: D(x) stays above D(G(z)) and the gap narrows "
              "as G improves; identical samples mean mode collapse.",
        "fr": "Avec les moindres carrés, D donne des scores, pas des probabilités : il est tiré vers 1 sur les vraies "
              "images et vers 0 sur les générées, et peut dépasser les deux. Entraînement sain : D(x) reste au-dessus "
              "de D(G(z)) et l'écart se réduit à mesure que G progresse ; des échantillons identiques signalent un "
              "effondrement de modes.",
    },
    "job.sample_history": {"en": "Samples at step", "fr": "Échantillons au pas"},
    "job.sample_step": {"en": "Preview at step {step:,}", "fr": "Aperçu au pas {step:,}"},
    "job.sample_caption_pix2pix": {"en": "Held-out pairs at step {step:,}, one per row: input | output | target.",
                                   "fr": "Paires mises de côté au pas {step:,}, une par ligne : entrée | sortie | cible."},
    "job.sample_caption_cyclegan": {"en": "Held-out images at step {step:,}: A → B → A on the first rows, then B → A → B.",
                                    "fr": "Images mises de côté au pas {step:,} : A → B → A sur les premières lignes, puis B → A → B."},
    "job.sample_caption_gan": {"en": "Fixed noise at step {step:,}: the same z every time, so you see G improve.",
                           "fr": "Bruit fixe au pas {step:,} : le même z à chaque fois, pour voir G progresser."},
    # --- generate ---
    "generate.title": {"en": "Generate", "fr": "Générer"},
    "generate.intro": {
        "en": "A trained generator maps a random vector z (its **seed** fixes it) to an image. Change the seed for "
              "another sample, pick a class for conditional models, or shrink the **truncation** for more typical, "
              "less varied images. The other tabs walk through the latent space between two seeds and add or "
              "remove attributes by vector arithmetic.",
        "fr": "Un générateur entraîné transforme un vecteur aléatoire z (fixé par sa **graine**) en image. Changez la "
              "graine pour un autre échantillon, choisissez une classe pour les modèles conditionnels, ou réduisez la "
              "**troncature** pour des images plus typiques et moins variées. Les autres onglets parcourent l'espace "
              "latent entre deux graines et ajoutent ou retirent des attributs par arithmétique de vecteurs.",
    },
    "generate.none": {"en": "No generator is available yet.", "fr": "Aucun générateur disponible pour l'instant."},
    "generate.go_train": {"en": "Train one on the Train page", "fr": "En entraîner un sur la page Entraîner"},
    "generate.checkpoint": {"en": "Generator", "fr": "Générateur"},
    "generate.checkpoint_help": {"en": "Shipped models, your own runs, and files you uploaded.",
                                 "fr": "Modèles fournis, vos entraînements et vos fichiers envoyés."},
    "generate.card": {"en": "Model card: how this model was made", "fr": "Fiche du modèle : comment il a été fait"},
    "generate.tab_samples": {"en": "Samples", "fr": "Échantillons"},
    "generate.tab_interp": {"en": "Interpolation", "fr": "Interpolation"},
    "generate.tab_arith": {"en": "Latent arithmetic", "fr": "Arithmétique latente"},
    "generate.seed": {"en": "Seed", "fr": "Graine"},
    "generate.seed_help": {"en": "The same seed always gives the same images.", "fr": "La même graine donne toujours les mêmes images."},
    "generate.count": {"en": "How many", "fr": "Combien"},
    "generate.class": {"en": "Class", "fr": "Classe"},
    "generate.all_classes": {"en": "all classes in turn", "fr": "toutes les classes à tour de rôle"},
    "generate.truncation": {"en": "Truncation trick", "fr": "Astuce de troncature"},
    "generate.truncation_help": {"en": "Redraw latent values beyond ±t: smaller t, more typical and less varied samples.",
                                 "fr": "Retirer les valeurs latentes au-delà de ±t : t plus petit, échantillons plus typiques et moins variés."},
    "generate.truncation_t": {"en": "t", "fr": "t"},
    "generate.truncated": {"en": "truncated at ±{t}", "fr": "tronqué à ±{t}"},
    "generate.grid_caption": {"en": "{n} samples, seed {seed}", "fr": "{n} échantillons, graine {seed}"},
    "generate.download_grid": {"en": "Download grid (PNG)", "fr": "Télécharger la grille (PNG)"},
    "generate.download_zip": {"en": "Download each image (zip of PNGs)", "fr": "Télécharger chaque image (zip de PNG)"},
    "generate.download_points": {"en": "Download the points (CSV)", "fr": "Télécharger les points (CSV)"},
    "generate.points_csv_help": {"en": "The {n:,} generated points as x, y columns, for a spreadsheet or a notebook.",
                                 "fr": "Les {n:,} points générés en colonnes x, y, pour un tableur ou un notebook."},
    "generate.interp_intro": {
        "en": "Walk in a straight line (lerp) or along the sphere (slerp) between the latents of two seeds. Smooth "
              "changes mean G learned a continuous space rather than memorising images.",
        "fr": "Marchez en ligne droite (lerp) ou le long de la sphère (slerp) entre les vecteurs latents de deux "
              "graines. Des changements doux montrent que G a appris un espace continu plutôt que des images par cœur.",
    },
    "generate.seed_a": {"en": "Seed A", "fr": "Graine A"},
    "generate.seed_b": {"en": "Seed B", "fr": "Graine B"},
    "generate.frames": {"en": "Frames", "fr": "Images"},
    "generate.mode": {"en": "Path", "fr": "Chemin"},
    "generate.mode_help": {"en": "Gaussian latents live near a sphere; slerp stays on it, lerp cuts through the middle.",
                           "fr": "Les latents gaussiens vivent près d'une sphère ; slerp y reste, lerp coupe par le milieu."},
    "generate.strip_caption": {"en": "From seed {a} to seed {b} ({mode})", "fr": "De la graine {a} à la graine {b} ({mode})"},
    "generate.gif_caption": {"en": "The same walk, animated", "fr": "La même marche, animée"},
    "generate.download_gif": {"en": "Download the GIF", "fr": "Télécharger le GIF"},
    "generate.arith_intro": {
        "en": "As in the DCGAN paper: the mean latent of samples **with** an attribute minus the mean of samples "
              "**without** it gives a direction; adding it to any latent adds the attribute, subtracting removes it.",
        "fr": "Comme dans l'article DCGAN : la moyenne des latents des échantillons **avec** un attribut moins celle "
              "des échantillons **sans** donne une direction ; l'ajouter à un latent ajoute l'attribut, la soustraire "
              "le retire.",
    },
    "generate.arith_unavailable": {
        "en": "Latent arithmetic needs a model trained on a data set with attribute labels (the faces set) and its "
              "attribute classifier. Pick the shipped faces model.",
        "fr": "L'arithmétique latente demande un modèle entraîné sur des données avec attributs (les visages) et son "
              "classifieur d'attributs. Choisissez le modèle de visages fourni.",
    },
    "generate.arith_failed": {"en": "Latent arithmetic is not possible with this model: {reason}",
                              "fr": "L'arithmétique latente n'est pas possible avec ce modèle : {reason}"},
    "generate.arith_mismatch": {"en": "its images do not have the size and channels the attribute classifier reads",
                                "fr": "ses images n'ont pas la taille et les canaux que lit le classifieur d'attributs"},
    "generate.no_real_points": {"en": "Real points of '{data}' are not available here; only generated points are shown.",
                                "fr": "Les points réels de « {data} » ne sont pas disponibles ici ; seuls les points générés sont affichés."},
    "generate.attribute": {"en": "Attribute", "fr": "Attribut"},
    "generate.strength": {"en": "Strength", "fr": "Intensité"},
    "generate.base_seed": {"en": "Base seed", "fr": "Graine de base"},
    "generate.arith_caption": {
        "en": "Left: minus '{attr}', middle: the base sample, right: plus '{attr}'. Direction from {pos} samples with "
              "and {neg} without, of {pool}, labelled by the project's {clf}.",
        "fr": "À gauche : moins « {attr} », au milieu : l'échantillon de base, à droite : plus « {attr} ». Direction "
              "calculée sur {pos} échantillons avec et {neg} sans, sur {pool}, étiquetés par le {clf} du projet.",
    },
    "generate.arith_how": {"en": "The classifier was trained on the procedural faces, where each attribute is known exactly.",
                           "fr": "Le classifieur a été entraîné sur les visages procéduraux, dont chaque attribut est connu exactement."},
    # --- checkpoint picker and card ---
    "pick.shipped": {"en": "shipped · {name}", "fr": "fourni · {name}"},
    "pick.own_best": {"en": "my run · {id} · {model}: its best checkpoint by the quality probe (step {step:,}, {figure})",
                      "fr": "mon entraînement · {id} · {model} : son meilleur checkpoint selon la sonde de qualité (pas {step:,}, {figure})"},
    "pick.best_fid": {"en": "FID {fid:.2f} on {n} samples", "fr": "FID {fid:.2f} sur {n} échantillons"},
    "pick.best_covered": {"en": "{covered} of {kinds} modes covered", "fr": "{covered} modes couverts sur {kinds}"},
    "pick.own": {"en": "my run · {id} · {model} on {data} ({state})", "fr": "mon entraînement · {id} · {model} sur {data} ({state})"},
    "pick.uploaded": {"en": "uploaded · {name}", "fr": "envoyé · {name}"},
    "pick.upload_title": {"en": "Upload your own generator (.safetensors)", "fr": "Envoyer votre générateur (.safetensors)"},
    "pick.upload": {"en": "GAN Studio checkpoint", "fr": "Checkpoint GAN Studio"},
    "pick.upload_help": {"en": "Only .safetensors files made by GAN Studio: they are checked before any model is built.",
                         "fr": "Seulement des fichiers .safetensors faits par GAN Studio : ils sont vérifiés avant de construire un modèle."},
    "uploads.over_quota_files": {
        "en": "Refused: you already keep {limit} uploads, the most this server allows. Delete some under "
              "**Your uploads** in the sidebar.",
        "fr": "Refusé : vous gardez déjà {limit} fichiers envoyés, le maximum sur ce serveur. Supprimez-en sous "
              "**Vos fichiers envoyés** dans la barre latérale."},
    "uploads.over_quota_bytes": {
        "en": "Refused: this file ({mb:.1f} MB) would take your uploads to {total:,.0f} MB, over your {quota} MB. "
              "Delete some under **Your uploads** in the sidebar.",
        "fr": "Refusé : ce fichier ({mb:.1f} Mo) porterait vos envois à {total:,.0f} Mo, au-delà de vos {quota} Mo. "
              "Supprimez-en sous **Vos fichiers envoyés** dans la barre latérale."},
    "uploads.title": {"en": "Your uploads: {mb:,.0f} of {quota} MB, {n} of {files} files",
                      "fr": "Vos fichiers envoyés : {mb:,.0f} sur {quota} Mo, {n} sur {files} fichiers"},
    "uploads.expiry": {"en": "Uploads and runs of visitors not seen for {days:g} days are removed by the server.",
                       "fr": "Le serveur supprime les fichiers et entraînements des visiteurs absents depuis {days:g} jours."},
    "uploads.no_expiry": {"en": "This server keeps uploads until you delete them.",
                          "fr": "Ce serveur garde vos fichiers jusqu'à ce que vous les supprimiez."},
    "uploads.none": {"en": "Nothing uploaded yet.", "fr": "Aucun fichier envoyé pour l'instant."},
    "uploads.delete": {"en": "Delete this file", "fr": "Supprimer ce fichier"},
    "pick.too_big": {"en": "Refused: the file is over {mb} MB.", "fr": "Refusé : le fichier dépasse {mb} Mo."},
    "pick.refused": {"en": "Refused: {reason}", "fr": "Refusé : {reason}"},
    "pick.accepted": {"en": "Accepted: {name} is now in the list.", "fr": "Accepté : {name} est maintenant dans la liste."},
    "card.field": {"en": "Field", "fr": "Champ"},
    "card.value": {"en": "Value", "fr": "Valeur"},
    "card.kind": {"en": "kind", "fr": "type"},
    "card.io_input": {"en": "input", "fr": "entrée"},
    "card.io_output": {"en": "output", "fr": "sortie"},
    "card.arch": {"en": "architecture", "fr": "architecture"},
    "card.data": {"en": "training data", "fr": "données d'entraînement"},
    "card.size": {"en": "output", "fr": "sortie"},
    "card.points": {"en": "2-D points", "fr": "points 2-D"},
    "card.classes": {"en": "classes", "fr": "classes"},
    "card.steps": {"en": "training steps", "fr": "pas d'entraînement"},
    "card.created": {"en": "created", "fr": "créé le"},
    "card.command": {"en": "Made by this command:", "fr": "Produit par cette commande :"},
    "card.io_direction": {"en": "trained direction", "fr": "sens entraîné"},
    "card.io_domain_a": {"en": "domain A", "fr": "domaine A"},
    "card.io_domain_b": {"en": "domain B", "fr": "domaine B"},
    "card.metric_measured_on": {"en": "figures measured on", "fr": "chiffres mesurés sur"},
    "card.metric_held_out_l1": {"en": "held-out L1 ↓", "fr": "L1 sur données mises de côté ↓"},
    "card.metric_held_out_psnr": {"en": "held-out PSNR (dB) ↑", "fr": "PSNR sur données mises de côté (dB) ↑"},
    "card.metric_baseline_l1": {"en": "trivial baseline's L1", "fr": "L1 de la référence triviale"},
    "card.metric_baseline_psnr": {"en": "trivial baseline's PSNR (dB)", "fr": "PSNR de la référence triviale (dB)"},
    "card.metric_baseline": {"en": "trivial baseline", "fr": "référence triviale"},
    "card.metric_cycle_l1_a": {"en": "cycle error A → B → A (L1) ↓", "fr": "erreur de cycle A → B → A (L1) ↓"},
    "card.metric_cycle_l1_b": {"en": "cycle error B → A → B (L1) ↓", "fr": "erreur de cycle B → A → B (L1) ↓"},
    "card.metric_digits_judge": {"en": "digits judge (independent SVM)", "fr": "juge des chiffres (SVM indépendant)"},
    "card.metric_classifier_judge": {"en": "judge (domain classifier)", "fr": "juge (classifieur du domaine)"},
    "card.judge_confidence": {"en": "confidence {x:.2f}", "fr": "confiance {x:.2f}"},
    "card.judge_score": {"en": "score {x:.0f}% of real digits'", "fr": "score à {x:.0f} % de celui des vrais chiffres"},
    "card.judge_classes": {"en": "{k}/{n} classes", "fr": "{k}/{n} classes"},
    "card.judge_variety": {"en": "variety {x:.2f}", "fr": "variété {x:.2f}"},
    "card.judge_accuracy": {"en": "asked-for class {x:.1f}%", "fr": "classe demandée {x:.1f} %"},
    "card.judge_samples": {"en": "on {n:,} samples", "fr": "sur {n:,} échantillons"},
    # --- translate, super-resolution ---
    "translate.title": {"en": "Translate", "fr": "Traduire"},
    "translate.intro": {
        "en": "Image-to-image GANs turn one kind of picture into another. **Pix2Pix** learns from pairs (a label map "
              "and its photo) with a U-Net generator and a PatchGAN discriminator that judges small patches; "
              "**CycleGAN** needs no pairs: two generators translate back and forth, and a cycle loss asks that "
              "going there and back returns the original.",
        "fr": "Les GAN d'image à image transforment un type d'image en un autre. **Pix2Pix** apprend à partir de "
              "paires (une carte d'étiquettes et sa photo) avec un générateur U-Net et un discriminateur PatchGAN qui "
              "juge de petits morceaux ; **CycleGAN** se passe de paires : deux générateurs traduisent dans les deux "
              "sens, et une perte de cycle exige que l'aller-retour rende l'original.",
    },
    "translate.how_title": {"en": "How image-to-image GANs work, and what you are looking at",
                            "fr": "Comment marchent les GAN d'image à image, et ce que vous voyez"},
    "translate.how_paired": {
        "en": "**Paired or unpaired.** Pix2Pix learns from aligned pairs: every label map comes with the very scene it "
              "lays out, so the generator can be told exactly what it should have drawn. CycleGAN learns from two "
              "separate piles of pictures (summer scenes, winter scenes) with no pair between them, so nobody can say "
              "what the right answer for one image is.",
        "fr": "**Apparié ou non.** Pix2Pix apprend sur des paires alignées : chaque carte de régions vient avec le "
              "paysage exact qu'elle décrit, on peut donc dire au générateur ce qu'il aurait dû dessiner. CycleGAN "
              "apprend sur deux piles d'images séparées (paysages d'été, paysages d'hiver) sans aucune paire : personne "
              "ne peut dire quelle est la bonne réponse pour une image donnée.",
    },
    "translate.how_unet": {
        "en": "**U-Net and its skip connections.** The generator squeezes the image down to a small summary and builds "
              "the output back up; skip connections hand each level of detail straight from the way down to the way "
              "up, so edges and region borders land exactly where they were in the input.",
        "fr": "**Le U-Net et ses connexions de saut.** Le générateur comprime l'image en un petit résumé puis "
              "reconstruit la sortie ; les connexions de saut passent chaque niveau de détail directement de la "
              "descente à la remontée, si bien que contours et frontières de régions restent exactement à leur place.",
    },
    "translate.how_patchgan": {
        "en": "**PatchGAN.** The discriminator does not give one verdict for the whole picture: it scores every small "
              "patch as real or fake. That pushes for sharp, believable texture everywhere, while an L1 term keeps "
              "Pix2Pix's colours and layout close to the target.",
        "fr": "**PatchGAN.** Le discriminateur ne rend pas un seul verdict pour toute l'image : il note chaque petit "
              "morceau comme vrai ou faux. Cela exige une texture nette et crédible partout, tandis qu'un terme L1 "
              "garde les couleurs et la disposition de Pix2Pix proches de la cible.",
    },
    "translate.how_cycle": {
        "en": "**Cycle consistency.** With no pairs, CycleGAN trains two generators, A to B and B to A, and asks that "
              "going there and back gives the original image again. That stops a generator from inventing any winter "
              "scene at all: it must keep the layout of the summer scene it was given.",
        "fr": "**Cohérence de cycle.** Sans paires, CycleGAN entraîne deux générateurs, de A vers B et de B vers A, et "
              "exige que l'aller-retour rende l'image d'origine. Cela empêche un générateur d'inventer n'importe quel "
              "paysage d'hiver : il doit garder la disposition du paysage d'été reçu.",
    },
    "translate.how_looking": {
        "en": "**What you are looking at.** Left: the input as the network saw it, at its training size (a drawing is "
              "first snapped to the region colours). Middle: its translation. Right: for Pix2Pix the target the data "
              "set pairs with that input; for CycleGAN the way back, A to B to A, which should look like the input. "
              "The images are tiny (64 pixels) and enlarged with square pixels, so nothing is smoothed for you.",
        "fr": "**Ce que vous voyez.** À gauche : l'entrée telle que le réseau l'a vue, à sa taille d'entraînement (un "
              "dessin est d'abord ramené aux couleurs des régions). Au milieu : sa traduction. À droite : pour Pix2Pix, "
              "la cible que les données associent à cette entrée ; pour CycleGAN, le retour A vers B vers A, qui devrait "
              "ressembler à l'entrée. Les images sont minuscules (64 pixels) et agrandies en pixels carrés : rien n'est "
              "lissé pour vous.",
    },
    "translate.none": {
        "en": "No translation model is available yet. The shipped ones (label maps to scenes, edges to objects, summer "
              "to winter) are not on this server yet: train your own below, or upload a checkpoint above.",
        "fr": "Aucun modèle de traduction disponible pour l'instant. Les modèles fournis (cartes vers paysages, contours "
              "vers objets, été vers hiver) ne sont pas encore sur ce serveur : entraînez le vôtre ci-dessous, ou "
              "envoyez un checkpoint ci-dessus.",
    },
    "translate.upload_model_title": {"en": "Upload your own translation model (.safetensors)",
                                     "fr": "Envoyer votre modèle de traduction (.safetensors)"},
    "translate.model": {"en": "Translation model", "fr": "Modèle de traduction"},
    "translate.model_help": {"en": "Shipped models, your own Pix2Pix and CycleGAN runs, and files you uploaded.",
                             "fr": "Modèles fournis, vos entraînements Pix2Pix et CycleGAN, et vos fichiers envoyés."},
    "translate.card": {"en": "Model card: how this model was made", "fr": "Fiche du modèle : comment il a été fait"},
    "translate.direction": {"en": "Direction", "fr": "Sens"},
    "translate.direction_help": {"en": "A CycleGAN holds both generators: translate either way.",
                                 "fr": "Un CycleGAN contient les deux générateurs : traduisez dans un sens ou dans l'autre."},
    "translate.one_way": {"en": "Direction: {a} → {b} (a Pix2Pix model translates one way only)",
                          "fr": "Sens : {a} → {b} (un modèle Pix2Pix ne traduit que dans un sens)"},
    "translate.tab_examples": {"en": "Examples", "fr": "Exemples"},
    "translate.tab_upload": {"en": "Your image", "fr": "Votre image"},
    "translate.tab_draw": {"en": "Draw your own", "fr": "Dessinez"},
    "translate.tab_train": {"en": "Train your own", "fr": "Entraînez le vôtre"},
    "translate.example": {"en": "Example", "fr": "Exemple"},
    "translate.examples_caption": {
        "en": "Examples the model never saw in training: drawn fresh from {data} with seed {seed} (training used seed {train_seed}).",
        "fr": "Des exemples que le modèle n'a jamais vus à l'entraînement : tirés à neuf de {data} avec la graine {seed} (l'entraînement a utilisé la graine {train_seed}).",
    },
    "translate.no_examples": {
        "en": "This model was trained on uploaded data, so there are no built-in examples: upload an image or draw one.",
        "fr": "Ce modèle a été entraîné sur des données envoyées, il n'y a donc pas d'exemples intégrés : envoyez une image ou dessinez-en une.",
    },
    "translate.col_input": {"en": "Input ({domain})", "fr": "Entrée ({domain})"},
    "translate.col_output": {"en": "Translation ({domain})", "fr": "Traduction ({domain})"},
    "translate.col_target": {"en": "Target from the data set", "fr": "Cible des données"},
    "translate.col_cycle": {"en": "Back again ({domain})", "fr": "Retour ({domain})"},
    "translate.col_yours": {"en": "Your image", "fr": "Votre image"},
    "translate.note": {"en": "Engine's note: {note}", "fr": "Note du moteur (en anglais) : {note}"},
    "translate.upload_image": {"en": "A PNG or JPEG image", "fr": "Une image PNG ou JPEG"},
    "translate.upload_image_help": {
        "en": "Any size: it is translated at the model's training size. For a label-map model, paint the regions in "
              "the colours of the legend on the Draw tab.",
        "fr": "Toute taille : elle est traduite à la taille d'entraînement du modèle. Pour un modèle de cartes, peignez "
              "les régions aux couleurs de la légende de l'onglet Dessinez.",
    },
    "translate.upload_prompt": {"en": "Upload an image to translate it.", "fr": "Envoyez une image pour la traduire."},
    "translate.image_refused": {"en": "Refused: {reason}", "fr": "Refusé : {reason}"},
    "translate.draw_regions": {
        "en": "Pick a region, then paint on the canvas: the model turns your map into a scene each time you lift the "
              "mouse. Soft stroke edges are snapped to the nearest region colour before the model sees them.",
        "fr": "Choisissez une région, puis peignez sur le canevas : le modèle transforme votre carte en paysage chaque "
              "fois que vous relâchez la souris. Les bords adoucis des traits sont ramenés à la couleur de région la "
              "plus proche avant que le modèle ne les voie.",
    },
    "translate.draw_lines": {
        "en": "Draw dark outlines on the white page: the model fills in the object each time you lift the mouse.",
        "fr": "Dessinez des contours sombres sur la page blanche : le modèle remplit l'objet chaque fois que vous "
              "relâchez la souris.",
    },
    "translate.draw_cyclegan": {
        "en": "Drawing works with Pix2Pix models (label maps, edges). A CycleGAN translates photos of one style into "
              "another: try the examples or upload an image.",
        "fr": "Le dessin fonctionne avec les modèles Pix2Pix (cartes de régions, contours). Un CycleGAN fait passer des "
              "images d'un style à l'autre : essayez les exemples ou envoyez une image.",
    },
    "translate.region": {"en": "Region to paint", "fr": "Région à peindre"},
    "translate.region_sky": {"en": "sky", "fr": "ciel"},
    "translate.region_water": {"en": "water", "fr": "eau"},
    "translate.region_grass": {"en": "grass", "fr": "herbe"},
    "translate.region_mountain": {"en": "mountain", "fr": "montagne"},
    "translate.region_tree": {"en": "tree", "fr": "arbre"},
    "translate.region_building": {"en": "building", "fr": "bâtiment"},
    "translate.brush": {"en": "Brush size", "fr": "Taille du pinceau"},
    "translate.start": {"en": "Start from", "fr": "Partir de"},
    "translate.start_example": {"en": "the chosen example", "fr": "l'exemple choisi"},
    "translate.start_split": {"en": "sky over grass", "fr": "ciel au-dessus de l'herbe"},
    "translate.start_blank": {"en": "an empty canvas", "fr": "un canevas vide"},
    "translate.legend": {"en": "Region colours:", "fr": "Couleurs des régions :"},
    "translate.canvas": {"en": "Your drawing", "fr": "Votre dessin"},
    "translate.seen": {"en": "What the model sees ({size}x{size})", "fr": "Ce que voit le modèle ({size}x{size})"},
    "translate.drawn_output": {"en": "Its translation", "fr": "Sa traduction"},
    "translate.blank_regions": {
        "en": "Your map is a single region so far: pick another region and paint a few strokes to see a scene appear.",
        "fr": "Votre carte ne compte encore qu'une seule région : choisissez-en une autre et donnez quelques coups de "
              "pinceau pour voir apparaître un paysage.",
    },
    "translate.blank_lines": {
        "en": "The page is still empty: draw an outline (a circle, a star, a heart...) and the model will fill it in.",
        "fr": "La page est encore vide : dessinez un contour (un cercle, une étoile, un cœur...) et le modèle le remplira.",
    },
    "translate.train_intro": {
        "en": "Train a small Pix2Pix or CycleGAN in the background on a built-in set or your own zip, and watch it "
              "learn: the charts show the players' losses, the samples show held-out inputs, outputs and targets.",
        "fr": "Entraînez en arrière-plan un petit Pix2Pix ou CycleGAN sur un jeu intégré ou votre propre zip, et "
              "regardez-le apprendre : les graphiques montrent les pertes des joueurs, les échantillons des entrées "
              "mises de côté, les sorties et les cibles.",
    },
    "translate.train_task": {"en": "Kind of translation", "fr": "Type de traduction"},
    "translate.task_pix2pix": {"en": "Pix2Pix: from pairs", "fr": "Pix2Pix : à partir de paires"},
    "translate.task_cyclegan": {"en": "CycleGAN: without pairs", "fr": "CycleGAN : sans paires"},
    "translate.train_data": {"en": "Data set", "fr": "Jeu de données"},
    "translate.data_upload": {"en": "Your own pairs (upload a .zip)", "fr": "Vos propres images (envoyer un .zip)"},
    "translate.zip_pix2pix": {"en": "Zip in Pix2Pix's layout: train/ holding side-by-side A|B images",
                              "fr": "Zip au format Pix2Pix : train/ avec des images A|B côte à côte"},
    "translate.zip_cyclegan": {"en": "Zip in CycleGAN's layout: trainA/ and trainB/ folders",
                               "fr": "Zip au format CycleGAN : dossiers trainA/ et trainB/"},
    "translate.zip_help": {
        "en": "The layouts of the public data sets (facades, edges2shoes, horse2zebra...); at least 4 images per side. "
              "Archives are checked before use.",
        "fr": "Les formats des jeux publics (facades, edges2shoes, horse2zebra...) ; au moins 4 images par côté. Les "
              "archives sont vérifiées avant usage.",
    },
    "translate.zip_refused": {"en": "Refused: {reason}", "fr": "Refusé : {reason}"},
    "translate.zip_wrong_ab": {"en": "Refused: {name} holds side-by-side pairs (Pix2Pix's layout): choose Pix2Pix for it.",
                               "fr": "Refusé : {name} contient des paires côte à côte (format Pix2Pix) : choisissez Pix2Pix."},
    "translate.zip_wrong_cyclegan": {"en": "Refused: {name} holds trainA/ and trainB/ (CycleGAN's layout): choose CycleGAN for it.",
                                     "fr": "Refusé : {name} contient trainA/ et trainB/ (format CycleGAN) : choisissez CycleGAN."},
    "translate.zip_accepted": {"en": "{name}: {counts}; domains {a} and {b}. Ready to train.",
                               "fr": "{name} : {counts} ; domaines {a} et {b}. Prêt pour l'entraînement."},
    "translate.zip_count": {"en": "{folder}/ {n:,} images", "fr": "{folder}/ {n:,} images"},
    "translate.need_upload": {"en": "upload a zip first", "fr": "envoyez d'abord un zip"},
    "translate.steps": {"en": "Training steps", "fr": "Pas d'entraînement"},
    "translate.steps_help": {
        "en": "About a second per step on a shared CPU; a preview every 100 steps. Hundreds of steps show the idea, "
              "thousands give clean pictures.",
        "fr": "Environ une seconde par pas sur un CPU partagé ; un aperçu tous les 100 pas. Quelques centaines de pas "
              "montrent l'idée, quelques milliers donnent des images propres.",
    },
    "translate.width": {"en": "Width (feature maps)", "fr": "Largeur (cartes de features)"},
    "translate.width_help": {"en": "Feature maps of the first layer: 64 in the papers; 16 trains far faster on a CPU.",
                             "fr": "Cartes de features de la première couche : 64 dans les articles ; 16 s'entraîne bien plus vite sur CPU."},
    "translate.train_start": {"en": "Start training", "fr": "Lancer l'entraînement"},
    "translate.train_refused": {"en": "Not started: {reason}", "fr": "Non lancé : {reason}"},
    "translate.your_runs": {"en": "Your translation runs", "fr": "Vos entraînements de traduction"},
    "translate.no_jobs": {"en": "You have no translation runs yet: choose settings above and press start.",
                          "fr": "Aucun entraînement de traduction pour l'instant : choisissez des réglages ci-dessus et lancez."},
    "translate.samples_rows": {
        "en": "Each sample row: a held-out input | the model's output | the target (CycleGAN: input | translation | "
              "back again).",
        "fr": "Chaque ligne d'échantillons : une entrée mise de côté | la sortie du modèle | la cible (CycleGAN : "
              "entrée | traduction | retour).",
    },
    "translate.use_run": {"en": "Translate with this model", "fr": "Traduire avec ce modèle"},
    "sr.title": {"en": "Super-Resolution", "fr": "Super-résolution"},
    "sr.intro": {
        "en": "A super-resolution network enlarges a small photo x2 or x4. The pixel-loss model (SRResNet) learns to be "
              "as close as possible to the original on average, which looks smooth; its GAN fine-tune (ESRGAN-style) "
              "adds an adversarial loss that makes textures look real. The detail it adds is **invented**: plausible, "
              "not evidence of what the original contained. Move the slider over the picture to compare.",
        "fr": "Un réseau de super-résolution agrandit une petite photo x2 ou x4. Le modèle entraîné sur les pixels "
              "(SRResNet) apprend à être, en moyenne, le plus proche possible de l'original, ce qui donne une image "
              "lisse ; son affinage GAN (façon ESRGAN) ajoute une perte adverse qui rend les textures réalistes. Les "
              "détails ajoutés sont **inventés** : plausibles, mais pas une preuve de ce que contenait l'original. "
              "Déplacez le curseur sur l'image pour comparer.",
    },
    "sr.none": {"en": "No super-resolution model is available yet: train one in the “Train your own” tab, or with "
                      "`python -m ganengine train --task superres` (see the README).",
                "fr": "Aucun modèle de super-résolution n'est encore disponible : entraînez-en un dans l'onglet « Entraîner "
                      "le vôtre », ou avec `python -m ganengine train --task superres` (voir le README)."},
    "sr.scale": {"en": "Enlargement", "fr": "Agrandissement"},
    "sr.model": {"en": "Model", "fr": "Modèle"},
    "sr.model_help": {"en": "Pixel loss: closest to the original on average, smooth. GAN: sharper, with invented texture.",
                      "fr": "Perte sur les pixels : la plus proche de l'original en moyenne, lisse. GAN : plus net, "
                            "avec des textures inventées."},
    "sr.model_label": {"en": "{name} · x{scale} · {kind}", "fr": "{name} · x{scale} · {kind}"},
    "sr.stage_psnr": {"en": "pixel loss (PSNR-oriented)", "fr": "perte sur les pixels (orienté PSNR)"},
    "sr.stage_gan": {"en": "GAN fine-tune (sharper)", "fr": "affiné par GAN (plus net)"},
    "sr.source": {"en": "Image", "fr": "Image"},
    "sr.source_example": {"en": "an example", "fr": "un exemple"},
    "sr.source_upload": {"en": "my image", "fr": "mon image"},
    "sr.example": {"en": "Example photo", "fr": "Photo d'exemple"},
    "sr.example_label": {"en": "{name} ({kind})", "fr": "{name} ({kind})"},
    "sr.example_note": {
        "en": "A crop of *{name}* ({kind}), a photo no shipped model trained on, shrunk x{scale} to {w}x{h} pixels by "
              "bicubic down-sampling: the original is known, so the scores below are real.",
        "fr": "Un recadrage de *{name}* ({kind}), une photo qu'aucun modèle fourni n'a vue à l'entraînement, réduite "
              "x{scale} à {w}x{h} pixels par sous-échantillonnage bicubique : l'original est connu, les scores "
              "ci-dessous sont donc réels.",
    },
    "sr.upload": {"en": "Your image (PNG, JPEG, WebP or BMP)", "fr": "Votre image (PNG, JPEG, WebP ou BMP)"},
    "sr.upload_help": {"en": "Checked before use (at most {pixels:,} pixels). The page enlarges up to {side} pixels on the "
                             "long side (larger images are shrunk first); the CLI takes any size, in tiles.",
                       "fr": "Vérifiée avant usage ({pixels:,} pixels au plus). La page agrandit jusqu'à {side} pixels "
                             "sur le grand côté (les images plus grandes sont d'abord réduites) ; la CLI accepte toute taille, par tuiles."},
    "sr.shrink_first": {"en": "Shrink my image first, so it is the reference", "fr": "Réduire d'abord mon image, pour qu'elle serve de référence"},
    "sr.shrink_first_help": {
        "en": "Your image is shrunk by the scale, then enlarged back: the result can be scored against your original.",
        "fr": "Votre image est réduite du facteur choisi puis ré-agrandie : le résultat peut être comparé à votre original.",
    },
    "sr.upload_prompt": {"en": "Upload an image to enlarge it, or pick an example.",
                         "fr": "Envoyez une image pour l'agrandir, ou choisissez un exemple."},
    "sr.shrunk": {"en": "Your {w0}x{h0} image was shrunk to {w}x{h} first.",
                  "fr": "Votre image de {w0}x{h0} a d'abord été réduite à {w}x{h}."},
    "sr.shrunk_first": {"en": "Shrunk x{scale} to {w}x{h} pixels (bicubic): your image is the reference.",
                        "fr": "Réduite x{scale} à {w}x{h} pixels (bicubique) : votre image sert de référence."},
    "sr.working": {"en": "Enlarging…", "fr": "Agrandissement…"},
    "sr.run_name": {"en": "run {id}", "fr": "entraînement {id}"},
    "sr.too_small_to_shrink": {"en": "to shrink it x{scale} and score the result, the image needs at least {side} pixels "
                                     "on each side",
                               "fr": "pour la réduire x{scale} et noter le résultat, l'image doit avoir au moins {side} "
                                     "pixels de côté"},
    "sr.refused": {"en": "Refused: {reason}", "fr": "Refusé : {reason}"},
    "sr.compare_with": {"en": "Left of the slider", "fr": "À gauche du curseur"},
    "sr.bicubic": {"en": "bicubic", "fr": "bicubique"},
    "sr.original": {"en": "original", "fr": "original"},
    "sr.input": {"en": "input (small)", "fr": "entrée (petite)"},
    "sr.slider_hint": {"en": "Drag to move the border between the two images",
                       "fr": "Glissez pour déplacer la frontière entre les deux images"},
    "sr.note_whole": {"en": "x{scale} with {arch}, the whole image in one pass",
                      "fr": "x{scale} avec {arch}, l'image entière en une passe"},
    "sr.note_tiles": {"en": "x{scale} with {arch} in {tiles} tiles of up to {tile}x{tile} input pixels ({margin} of overlap "
                            "on each side)",
                      "fr": "x{scale} avec {arch} en {tiles} tuiles d'au plus {tile}x{tile} pixels d'entrée ({margin} de "
                            "recouvrement de chaque côté)"},
    "sr.note_retries": {"en": ", redone with smaller tiles after running out of memory ({n}x)",
                        "fr": ", refait en tuiles plus petites faute de mémoire ({n}x)"},
    "sr.made": {"en": "{w}x{h} pixels: {note}, in {seconds:.2f} s.", "fr": "{w}x{h} pixels : {note}, en {seconds:.2f} s."},
    "sr.download": {"en": "Download the enlargement (PNG, with provenance)",
                    "fr": "Télécharger l'agrandissement (PNG, avec provenance)"},
    "sr.crops_title": {"en": "Zoom in", "fr": "Zoom"},
    "sr.crops_text": {
        "en": "The same small region of every version, enlarged with square pixels so nothing is smoothed by the "
              "browser. Bicubic blurs edges; the pixel-loss model makes them crisp but smooths texture; the GAN adds "
              "texture that looks right but may not be what was there.",
        "fr": "La même petite région de chaque version, agrandie en pixels carrés pour que le navigateur ne lisse rien. "
              "Le bicubique floute les contours ; le modèle sur les pixels les rend nets mais lisse les textures ; le "
              "GAN ajoute une texture crédible, qui n'est pas forcément celle qui était là.",
    },
    "sr.crop_x": {"en": "Zoom: left ↔ right", "fr": "Zoom : gauche ↔ droite"},
    "sr.crop_y": {"en": "Zoom: top ↕ bottom", "fr": "Zoom : haut ↕ bas"},
    "sr.tradeoff_title": {"en": "Sharper, yet a lower score: the perception-distortion trade-off",
                          "fr": "Plus net, mais moins bien noté : le compromis perception-distorsion"},
    "sr.tradeoff_text": {
        "en": "PSNR and SSIM reward being close to the original pixel by pixel. When many sharp images could have "
              "been shrunk into the same small one, the closest guess *on average* is their blurry mean, so the "
              "pixel-loss model wins on PSNR. The GAN commits to one sharp, plausible answer: it looks more like a "
              "real photo but misses the exact pixels, so its PSNR drops (Blau and Michaeli, 2018, proved you cannot "
              "have both at once). The chart puts each model on both axes.",
        "fr": "Le PSNR et le SSIM récompensent la proximité avec l'original, pixel par pixel. Quand beaucoup d'images "
              "nettes auraient pu donner la même petite image, la meilleure réponse *en moyenne* est leur moyenne "
              "floue : le modèle entraîné sur les pixels gagne donc au PSNR. Le GAN choisit une réponse nette et "
              "plausible : elle ressemble davantage à une vraie photo mais rate les pixels exacts, et son PSNR baisse "
              "(Blau et Michaeli, 2018, ont montré qu'on ne peut pas avoir les deux à la fois). Le graphique place "
              "chaque modèle sur les deux axes.",
    },
    "sr.tradeoff_numbers": {
        "en": "On the held-out photos of the model cards, the pixel-loss model scores **{p_psnr} dB** PSNR and the "
              "GAN **{g_psnr} dB** (bicubic: {b_psnr} dB), while their detail ratios are **{p_detail}** and "
              "**{g_detail}** (bicubic: {b_detail}; 1 = as much fine texture as the real photo). Measured on {where}.",
        "fr": "Sur les photos mises de côté des fiches de modèle, le modèle sur les pixels obtient **{p_psnr} dB** de "
              "PSNR et le GAN **{g_psnr} dB** (bicubique : {b_psnr} dB), avec des taux de détail de **{p_detail}** et "
              "**{g_detail}** (bicubique : {b_detail} ; 1 = autant de texture fine que la vraie photo). Mesuré sur : {where}.",
    },
    "sr.scores_here": {"en": "Scores on this image (*{name}*), against its original:",
                       "fr": "Scores sur cette image (*{name}*), par rapport à son original :"},
    "sr.no_reference": {"en": "No original is known for this image, so it cannot be scored; tick “shrink my image "
                              "first” to score it.",
                        "fr": "Aucun original n'est connu pour cette image : pas de score possible ; cochez « réduire "
                              "d'abord mon image » pour l'évaluer."},
    "sr.col_method": {"en": "method", "fr": "méthode"},
    "sr.col_detail": {"en": "detail ratio", "fr": "taux de détail"},
    "sr.col_bicubic_psnr": {"en": "bicubic PSNR-Y (dB)", "fr": "PSNR-Y bicubique (dB)"},
    "sr.col_gain": {"en": "gain over bicubic (dB)", "fr": "gain sur le bicubique (dB)"},
    "sr.cards_trace": {"en": "model cards (held-out photos)", "fr": "fiches de modèle (photos mises de côté)"},
    "sr.this_trace": {"en": "this image", "fr": "cette image"},
    "sr.as_textured": {"en": "as textured as the photo", "fr": "aussi texturé que la photo"},
    "sr.axis_psnr": {"en": "PSNR-Y (dB): closer to the original →", "fr": "PSNR-Y (dB) : plus proche de l'original →"},
    "sr.axis_detail": {"en": "detail ratio (1 = real photo)", "fr": "taux de détail (1 = vraie photo)"},
    "sr.cards_caption": {
        "en": "From each model card: PSNR and SSIM on luminance, borders shaved, on crops of photos the model never "
              "saw; bicubic measured on the same crops.",
        "fr": "D'après chaque fiche de modèle : PSNR et SSIM sur la luminance, bords rognés, sur des recadrages de "
              "photos que le modèle n'a jamais vues ; le bicubique est mesuré sur les mêmes recadrages.",
    },
    "sr.tab_try": {"en": "Enlarge", "fr": "Agrandir"},
    "sr.tab_train": {"en": "Train your own", "fr": "Entraîner le vôtre"},
    "sr.train_intro": {
        "en": "Train a small pixel-loss model (the first stage) on the bundled photos or a zip of yours, as a "
              "background job: watch its loss, its gain over bicubic and held-out crops (input | bicubic | model | "
              "original) as it learns. A few hundred steps take under a minute here; the shipped models took thousands.",
        "fr": "Entraînez un petit modèle sur les pixels (la première étape) sur les photos fournies ou un zip des "
              "vôtres, en tâche de fond : suivez sa perte, son gain sur le bicubique et des recadrages mis de côté "
              "(entrée | bicubique | modèle | original) pendant qu'il apprend. Quelques centaines de pas prennent "
              "moins d'une minute ici ; les modèles fournis en ont demandé des milliers.",
    },
    "sr.train_data": {"en": "Photos", "fr": "Photos"},
    "sr.train_data_upload": {"en": "my photos (a .zip)", "fr": "mes photos (un .zip)"},
    "sr.zip": {"en": "A zip of your photos (PNG or JPEG)", "fr": "Un zip de vos photos (PNG ou JPEG)"},
    "sr.zip_help": {"en": "Checked before use; a tenth of the photos (at least one) is kept apart to measure the model.",
                    "fr": "Vérifié avant usage ; un dixième des photos (au moins une) est mis de côté pour mesurer le modèle."},
    "sr.steps": {"en": "Training steps", "fr": "Pas d'entraînement"},
    "sr.steps_help": {"en": "Each step learns from 16 patches of 64x64 pixels.",
                      "fr": "Chaque pas apprend sur 16 morceaux de 64x64 pixels."},
    "sr.width": {"en": "Network width", "fr": "Largeur du réseau"},
    "sr.width_help": {"en": "Feature maps per layer: wider learns more and runs slower (the shipped x4 models: 64).",
                      "fr": "Cartes de caractéristiques par couche : plus large apprend mieux et va plus lentement "
                            "(les modèles x4 fournis : 64)."},
    "sr.train_start": {"en": "Start training", "fr": "Lancer l'entraînement"},
    "sr.train_refused": {"en": "Not started: {reason}", "fr": "Non lancé : {reason}"},
    "sr.need_upload": {"en": "upload a zip of photos first", "fr": "envoyez d'abord un zip de photos"},
    "sr.no_jobs": {"en": "You have no super-resolution runs yet.", "fr": "Vous n'avez pas encore d'entraînement de super-résolution."},
    "sr.your_runs": {"en": "Your super-resolution runs", "fr": "Vos entraînements de super-résolution"},
    "sr.use_run": {"en": "Enlarge with this model", "fr": "Agrandir avec ce modèle"},
    "ethics.tab_train": {"en": "Train a detector", "fr": "Entraîner un détecteur"},
    "ethics.train_intro": {
        "en": "Train your own detector as a background job: it learns real images of a data set against samples of the "
              "generators you tick; the ones you leave out are measured as unseen generators, the honest test. Then "
              "pick it above and try the other tabs with it.",
        "fr": "Entraînez votre propre détecteur en tâche de fond : il apprend des images réelles d'un jeu de données "
              "contre des échantillons des générateurs cochés ; ceux que vous laissez de côté sont mesurés comme "
              "générateurs inconnus, le test honnête. Choisissez-le ensuite plus haut et essayez les autres onglets.",
    },
    "ethics.train_data": {"en": "Real images", "fr": "Images réelles"},
    "ethics.train_generators": {"en": "Generators it learns to catch", "fr": "Générateurs qu'il apprend à repérer"},
    "ethics.train_steps": {"en": "Training steps", "fr": "Pas d'entraînement"},
    "ethics.train_steps_help": {"en": "Each step sees 64 images, half real, half generated.",
                                "fr": "Chaque pas voit 64 images, moitié réelles, moitié générées."},
    "ethics.train_spectrum": {"en": "Also feed it the spectrum", "fr": "Lui donner aussi le spectre"},
    "ethics.train_spectrum_help": {"en": "The image's radial power spectrum as extra input: up-sampling traces are "
                                         "easier to see there.",
                                   "fr": "Le spectre de puissance radial de l'image en entrée supplémentaire : les traces "
                                         "de suréchantillonnage y sont plus visibles."},
    "ethics.train_start": {"en": "Start training", "fr": "Lancer l'entraînement"},
    "ethics.train_refused": {"en": "Not started: {reason}", "fr": "Non lancé : {reason}"},
    "ethics.train_need_generator": {"en": "tick at least one generator", "fr": "cochez au moins un générateur"},
    "ethics.train_no_jobs": {"en": "You have no detector runs yet.", "fr": "Vous n'avez pas encore d'entraînement de détecteur."},
    "ethics.train_your_runs": {"en": "Your detector runs", "fr": "Vos entraînements de détecteur"},
    "ethics.train_use_run": {"en": "Use this detector", "fr": "Utiliser ce détecteur"},
    # --- export (Generate, Translate, Super-Resolution) ---
    "export.title": {"en": "Export this model", "fr": "Exporter ce modèle"},
    "export.intro": {
        "en": "ONNX runs the network outside Python (ONNX Runtime, browsers, phones); a plain safetensors file holds only "
              "this network and its model card. Every export is run beside the original on the same inputs before you "
              "get it; the largest difference is written into its card.",
        "fr": "ONNX fait tourner le réseau hors de Python (ONNX Runtime, navigateurs, téléphones) ; un fichier "
              "safetensors simple ne contient que ce réseau et sa fiche. Chaque export est exécuté à côté de l'original "
              "sur les mêmes entrées avant de vous être remis ; le plus grand écart est inscrit dans sa fiche.",
    },
    "export.format": {"en": "Format", "fr": "Format"},
    "export.format_onnx": {"en": "ONNX", "fr": "ONNX"},
    "export.format_safetensors": {"en": "safetensors (this network only)", "fr": "safetensors (ce réseau seul)"},
    "export.button": {"en": "Export and check", "fr": "Exporter et vérifier"},
    "export.working": {"en": "Exporting and checking…", "fr": "Export et vérification…"},
    "export.refused": {"en": "Not exported: {reason}", "fr": "Non exporté : {reason}"},
    "export.checked": {"en": "Checked: the export's outputs differ from the original's by at most {diff} (outputs span "
                             "-1 to 1), on {checked_on}.",
                       "fr": "Vérifié : les sorties de l'export diffèrent de celles de l'original d'au plus {diff} (les "
                             "sorties vont de -1 à 1), sur {checked_on}."},
    "export.eval_mode": {"en": "Exported in inference mode: {layers} behave differently while training.",
                         "fr": "Exporté en mode inférence : {layers} se comportent autrement pendant l'entraînement."},
    "export.download": {"en": "Download {name}", "fr": "Télécharger {name}"},
    # --- evaluate ---
    "evaluate.title": {"en": "Evaluate", "fr": "Évaluer"},
    "evaluate.intro": {
        "en": "How good is a generator, and is it better than another? These scores compare many generated samples "
              "with real images through the features of a trained network. Pick generators, a data set and a sample "
              "count, then press Evaluate; every number says what it was measured on.",
        "fr": "Un générateur est-il bon, et meilleur qu'un autre ? Ces scores comparent de nombreux échantillons générés "
              "à des images réelles à travers les features d'un réseau entraîné. Choisissez des générateurs, des données "
              "et un nombre d'échantillons, puis lancez l'évaluation ; chaque nombre dit sur quoi il a été mesuré.",
    },
    "evaluate.explain_title": {"en": "What the scores mean", "fr": "Ce que disent les scores"},
    "evaluate.explain": {
        "en": "- **FID** (Fréchet distance, lower is better): distance between the mean and covariance of real and generated "
              "features. It sees both quality and variety, which is why it replaced the Inception Score.\n"
              "- **KID** (lower is better): a kernel version of the same comparison, unbiased, so it is fairer with few samples.\n"
              "- **IS** (higher is better): confident *and* varied class predictions; it never looks at real images, "
              "so it cannot see a generator that copies them or misses what they contain.\n"
              "- **Precision** (quality: generated samples that fall among real ones) and **recall** (variety: real images "
              "that generated samples reach). Mode collapse keeps precision and drops recall.\n"
              "- **Sample count matters**: FID is biased upward with few samples; only compare numbers measured with the "
              "same count, data and feature extractor.\n"
              "- **Feature extractor**: the standard Inception network when its weights are on this machine; otherwise a "
              "small classifier the project trained on this data set. Their numbers are never comparable.",
        "fr": "- **FID** (distance de Fréchet, plus bas = mieux) : distance entre moyennes et covariances des features réelles "
              "et générées. Elle voit à la fois la qualité et la variété, d'où son remplacement de l'Inception Score.\n"
              "- **KID** (plus bas = mieux) : version à noyau de la même comparaison, sans biais, donc plus juste avec peu "
              "d'échantillons.\n"
              "- **IS** (plus haut = mieux) : prédictions de classes sûres *et* variées ; il ne regarde jamais les vraies "
              "images, donc ne voit pas un générateur qui les copie ou qui en rate une partie.\n"
              "- **Précision** (qualité : échantillons générés qui tombent parmi les vrais) et **rappel** (variété : vraies "
              "images atteintes par les échantillons). Un effondrement de modes garde la précision et fait chuter le rappel.\n"
              "- **Le nombre d'échantillons compte** : la FID est biaisée vers le haut avec peu d'échantillons ; ne comparez "
              "que des nombres mesurés avec le même nombre, les mêmes données et le même extracteur.\n"
              "- **Extracteur de features** : le réseau Inception standard si ses poids sont sur cette machine ; sinon un petit "
              "classifieur entraîné par le projet sur ces données. Leurs nombres ne sont jamais comparables.",
    },
    "evaluate.other_data": {"en": "{names}: trained on other data than {data}, so the scores will mostly say that.",
                            "fr": "{names} : entraîné(s) sur d'autres données que {data}, les scores diront surtout cela."},
    "evaluate.negative_kid": {"en": "KID is an unbiased estimate: a value below 0 means the two sets cannot be told apart at this sample count.",
                              "fr": "La KID est une estimation sans biais : une valeur sous 0 signifie que les deux ensembles sont indiscernables à ce nombre d'échantillons."},
    "col.step": {"en": "steps trained", "fr": "pas d'entraînement"},
    "col.samples": {"en": "samples", "fr": "échantillons"},
    "col.seconds": {"en": "seconds", "fr": "secondes"},
    "col.extractor": {"en": "feature extractor", "fr": "extracteur"},
    "col.fid": {"en": "FID ↓", "fr": "FID ↓"},
    "col.kid": {"en": "KID ↓", "fr": "KID ↓"},
    "col.kid_std": {"en": "KID spread", "fr": "écart KID"},
    "col.isc": {"en": "IS ↑", "fr": "IS ↑"},
    "col.isc_std": {"en": "IS spread", "fr": "écart IS"},
    "col.precision": {"en": "precision ↑", "fr": "précision ↑"},
    "col.recall": {"en": "recall ↑", "fr": "rappel ↑"},
    "col.seeds": {"en": "seeds", "fr": "graines"},
    "evaluate.none": {"en": "No image generator is available: train one first.", "fr": "Aucun générateur d'images disponible : entraînez-en un d'abord."},
    "evaluate.checkpoints": {"en": "Generators to compare", "fr": "Générateurs à comparer"},
    "evaluate.checkpoints_help": {"en": "Shipped models, your runs and your uploads.", "fr": "Modèles fournis, vos entraînements et vos envois."},
    "evaluate.pick_one": {"en": "Pick at least one generator.", "fr": "Choisissez au moins un générateur."},
    "evaluate.data": {"en": "Real data", "fr": "Données réelles"},
    "evaluate.data_help": {"en": "Usually the set the generator was trained on.", "fr": "En général, les données d'entraînement du générateur."},
    "evaluate.samples_help": {"en": "Generated samples, and as many real images. More is slower and more reliable.",
                              "fr": "Échantillons générés, et autant d'images réelles. Plus = plus lent et plus fiable."},
    "evaluate.metrics": {"en": "Metrics", "fr": "Métriques"},
    "evaluate.extractor": {"en": "Feature extractor", "fr": "Extracteur de features"},
    "evaluate.extractor_help": {"en": "Inception needs its weights file on this machine (see the README); the domain classifier always works offline.",
                                "fr": "Inception demande son fichier de poids sur cette machine (voir le README) ; le classifieur du domaine marche toujours hors ligne."},
    "extractor.auto": {"en": "automatic", "fr": "automatique"},
    "extractor.domain": {"en": "domain classifier", "fr": "classifieur du domaine"},
    "extractor.inception": {"en": "Inception-v3", "fr": "Inception-v3"},
    "metric.fid": {"en": "FID", "fr": "FID"},
    "metric.kid": {"en": "KID", "fr": "KID"},
    "metric.isc": {"en": "Inception Score", "fr": "Inception Score"},
    "metric.prc": {"en": "precision / recall", "fr": "précision / rappel"},
    "metric.precision": {"en": "Precision", "fr": "Précision"},
    "metric.recall": {"en": "Recall", "fr": "Rappel"},
    "evaluate.run": {"en": "Evaluate", "fr": "Évaluer"},
    "evaluate.running": {"en": "Evaluated {done} of {total}", "fr": "{done} évalué(s) sur {total}"},
    "evaluate.queued": {"en": "Waiting for a free slot on the server: position {pos} in the queue.",
                        "fr": "En attente d'une place libre sur le serveur : position {pos} dans la file."},
    "evaluate.working": {"en": "Measuring in the background…", "fr": "Mesure en arrière-plan…"},
    "evaluate.busy": {"en": "Not started: {reason}", "fr": "Non lancé : {reason}"},
    "evaluate.failed": {"en": "The evaluation stopped with an error: {reason}", "fr": "L'évaluation s'est arrêtée sur une erreur : {reason}"},
    "evaluate.refused": {"en": "{name}: {reason}", "fr": "{name} : {reason}"},
    "evaluate.press_run": {"en": "Press Evaluate to measure the chosen generators.", "fr": "Lancez l'évaluation pour mesurer les générateurs choisis."},
    "evaluate.col_model": {"en": "generator", "fr": "générateur"},
    "evaluate.measured": {"en": "Measured on {n:,} generated samples against {real:,} real images of {data}, with: {extractor}.",
                          "fr": "Mesuré sur {n:,} échantillons générés contre {real:,} images réelles de {data}, avec : {extractor}."},
    "evaluate.mixed_extractors": {"en": "These rows were measured with different feature extractors: do not compare them.",
                                  "fr": "Ces lignes ont été mesurées avec des extracteurs différents : ne les comparez pas."},
    "evaluate.csv": {"en": "Download the table (CSV)", "fr": "Télécharger le tableau (CSV)"},
    "evaluate.deeper": {"en": "Look closer at one generator", "fr": "Regarder un générateur de plus près"},
    "evaluate.focus": {"en": "Generator", "fr": "Générateur"},
    "evaluate.tab_coverage": {"en": "Class coverage", "fr": "Couverture des classes"},
    "evaluate.tab_memory": {"en": "Memorisation check", "fr": "Contrôle de mémorisation"},
    "evaluate.tab_steps": {"en": "FID over training", "fr": "FID pendant l'entraînement"},
    "evaluate.tab_judge": {"en": "Independent digits judge", "fr": "Juge de chiffres indépendant"},
    "evaluate.coverage_intro": {"en": "Which classes the generator makes, read by the data set's classifier, next to their share in the real data. A missing bar is a dropped mode.",
                                "fr": "Quelles classes le générateur produit, lues par le classifieur des données, à côté de leur part dans les vraies données. Une barre absente est un mode perdu."},
    "evaluate.coverage_title": {"en": "Share of each class ({n:,} generated samples)", "fr": "Part de chaque classe ({n:,} échantillons générés)"},
    "evaluate.coverage_caption": {"en": "Classes read by {clf} on {n:,} samples (seed 0).", "fr": "Classes lues par {clf} sur {n:,} échantillons (graine 0)."},
    "evaluate.unavailable": {"en": "Not available for this generator: {reason}", "fr": "Indisponible pour ce générateur : {reason}"},
    "evaluate.memory_intro": {"en": "Does the generator copy its training images? Top row: the 8 of 512 samples closest to a training image; bottom row: that training image.",
                              "fr": "Le générateur recopie-t-il ses images d'entraînement ? En haut : les 8 échantillons sur 512 les plus proches d'une image d'entraînement ; en bas : cette image."},
    "evaluate.memory_caption": {"en": "Generated (top) and nearest training image (bottom)", "fr": "Généré (haut) et image d'entraînement la plus proche (bas)"},
    "evaluate.memory_numbers": {"en": "Pixel distances: {d}. For scale, two different training images are typically {typical} apart: much smaller distances would suggest copies.",
                                "fr": "Distances en pixels : {d}. Pour comparer, deux images d'entraînement différentes sont en général à {typical} : des distances bien plus petites suggéreraient des copies."},
    "evaluate.steps_intro": {"en": "FID of the checkpoints a run saved: does more training still help?", "fr": "FID des checkpoints d'un entraînement : s'entraîner plus aide-t-il encore ?"},
    "evaluate.no_runs": {"en": "None of your image runs has two checkpoints yet.", "fr": "Aucun de vos entraînements d'images n'a encore deux checkpoints."},
    "evaluate.run_pick": {"en": "Run", "fr": "Entraînement"},
    "evaluate.run_label": {"en": "{id} · {model} on {data}", "fr": "{id} · {model} sur {data}"},
    "evaluate.two_readers": {
        "en": "This judge and the Coverage tab's classifier are independent readers (an SVM on 8x8 pixels here, a small CNN "
              "on the full image there): they agree on clear digits and split on ambiguous ones, so their class shares can differ.",
        "fr": "Ce juge et le classifieur de l'onglet Couverture lisent indépendamment (ici un SVM sur 8x8 pixels, là un petit "
              "CNN sur l'image entière) : ils s'accordent sur les chiffres nets et divergent sur les ambigus, d'où des parts "
              "de classes parfois différentes.",
    },
    "evaluate.steps_run": {"en": "Compute the curve", "fr": "Calculer la courbe"},
    "evaluate.steps_running": {"en": "Measuring each checkpoint…", "fr": "Mesure de chaque checkpoint…"},
    "evaluate.judge_intro": {"en": "An **independent judge** — scikit-learn's SVM trained on the raw 8x8 digits, sharing nothing with the GAN — reads the samples.",
                             "fr": "Un **juge indépendant** — le SVM de scikit-learn entraîné sur les chiffres bruts 8x8, sans rien de commun avec le GAN — lit les échantillons."},
    "evaluate.judge_digits_only": {"en": "The independent judge reads grey digits models only.", "fr": "Le juge indépendant ne lit que les modèles de chiffres en niveaux de gris."},
    "evaluate.samples": {"en": "Samples", "fr": "Échantillons"},
    "evaluate.confidence": {"en": "Judge's mean confidence", "fr": "Confiance moyenne du juge"},
    "evaluate.confidence_help": {"en": "Mean top-class probability of a strict judge: real digits score about 0.88; shapes "
                                       "between two digits, blurs and noise 0.5 to 0.65.",
                                 "fr": "Probabilité moyenne de la classe choisie par un juge exigeant : les vrais chiffres obtiennent "
                                       "environ 0,88 ; les formes entre deux chiffres, le flou et le bruit de 0,5 à 0,65."},
    "evaluate.score": {"en": "Digit score vs real digits", "fr": "Score de chiffres face aux vrais"},
    "evaluate.score_help": {"en": "An Inception-style score read with the judge: high when each sample is clearly one digit and "
                                  "all ten are equally frequent. Shown as a share of what as many real digits score.",
                            "fr": "Un score de type Inception lu par le juge : élevé quand chaque échantillon est nettement un "
                                  "chiffre et que les dix sont aussi fréquents. Donné en part du score d'autant de vrais chiffres."},
    "evaluate.covered": {"en": "Digits covered", "fr": "Chiffres couverts"},
    "evaluate.covered_help": {"en": "Classes receiving at least 3% of the samples.", "fr": "Classes recevant au moins 3 % des échantillons."},
    "evaluate.diversity": {"en": "Variety vs real digits", "fr": "Variété face aux vrais chiffres"},
    "evaluate.diversity_help": {
        "en": "How different samples of the same digit are from each other, over the same figure for real digits: 1 is as "
              "varied as the data; near 0 means one image per digit (mode collapse inside a class).",
        "fr": "À quel point les échantillons d'un même chiffre diffèrent entre eux, rapporté à la même mesure sur les vrais "
              "chiffres : 1 = aussi varié que les données ; proche de 0 = une seule image par chiffre (effondrement de modes).",
    },
    "evaluate.accuracy": {"en": "Asked-for class recognised", "fr": "Classe demandée reconnue"},
    "evaluate.accuracy_help": {"en": "Conditional models only: share of samples the judge reads as the class that was asked for.",
                               "fr": "Modèles conditionnels seulement : part des échantillons que le juge lit comme la classe demandée."},
    "evaluate.unclear": {"en": "no clear digit", "fr": "aucun chiffre net"},
    "evaluate.unclear_note": {"en": "A sample the judge reads with under 55 % confidence counts as no clear digit: about 1 % "
                                    "of real digits, often a shape between two digits in a generator's samples.",
                              "fr": "Un échantillon que le juge lit avec moins de 55 % de confiance ne compte pour aucun "
                                    "chiffre : environ 1 % des vrais chiffres, souvent une forme entre deux chiffres chez un "
                                    "générateur."},
    "evaluate.shares_title": {"en": "Which digits the judge sees ({n:,} samples)", "fr": "Quels chiffres le juge voit ({n:,} échantillons)"},
    "evaluate.measured_on": {"en": "Measured on {n:,} samples from seed 0 by: {judge}.", "fr": "Mesuré sur {n:,} échantillons de la graine 0 par : {judge}."},
    "evaluate.judge_name": {"en": "scikit-learn's SVC (gamma 0.01, C 10, calibrated) trained on the 1,797 raw 8x8 digits, each "
                                  "image's contrast stretched",
                            "fr": "le SVC de scikit-learn (gamma 0,01, C 10, calibré) entraîné sur les 1 797 chiffres bruts 8x8, le "
                                  "contraste de chaque image étiré"},
    "evaluate.classifier_name": {"en": "GAN Studio's {data} classifier", "fr": "le classifieur {data} de GAN Studio"},
    "evaluate.seeds": {"en": "Seeds", "fr": "Graines"},
    "evaluate.seeds_help": {"en": "Measure each generator this many times, each with other noise and other real images: the "
                                  "table then shows the mean and the range (min – max), so you can tell whether two "
                                  "generators really differ. Each seed takes as long as one evaluation.",
                            "fr": "Mesurer chaque générateur autant de fois, chaque fois avec un autre bruit et d'autres images "
                                  "réelles : le tableau donne alors la moyenne et l'étendue (min – max), pour juger si deux "
                                  "générateurs diffèrent vraiment. Chaque graine prend le temps d'une évaluation."},
    "evaluate.seeds_caption": {"en": "Mean of {k} seeds, with the range (min – max) in brackets and as error bars.",
                               "fr": "Moyenne de {k} graines, avec l'étendue (min – max) entre parenthèses et en barres d'erreur."},
    "evaluate.pick_metric": {"en": "Pick at least one metric, then press Evaluate.",
                             "fr": "Choisissez au moins une métrique, puis lancez l'évaluation."},
    "evaluate.axis": {"en": "{n} samples per seed", "fr": "{n} échantillons par graine"},
    "evaluate.axis_log": {"en": "{n} samples per seed, log scale", "fr": "{n} échantillons par graine, échelle log"},
    "evaluate.fid_domain_note": {
        "en": "**Not comparable with published FIDs.** This FID is measured with a small classifier GAN Studio trained on "
              "this data set, not with Inception-v3: compare it only with numbers measured here the same way. To measure "
              "with Inception, the operator puts torch-fidelity's weights file `{file}` on the server and sets "
              "`{env}` to its path (or puts it in torch hub's cache); the file is checked by its SHA-256, which must "
              "start with `{prefix}`. Then choose Inception-v3 above.",
        "fr": "**Pas comparable aux FID publiées.** Cette FID est mesurée avec un petit classifieur que GAN Studio a "
              "entraîné sur ces données, pas avec Inception-v3 : ne la comparez qu'à des nombres mesurés ici de la même "
              "façon. Pour mesurer avec Inception, l'administrateur dépose le fichier de poids de torch-fidelity `{file}` "
              "sur le serveur et indique son chemin dans `{env}` (ou le place dans le cache de torch hub) ; le fichier est "
              "vérifié par son SHA-256, qui doit commencer par `{prefix}`. Choisissez alors Inception-v3 ci-dessus.",
    },
    "evaluate.report": {"en": "Download the report (HTML)", "fr": "Télécharger le rapport (HTML)"},
    "evaluate.report_help": {"en": "One file that opens offline in any browser: the tables, the charts, a grid of samples and "
                                   "the card of each generator, and what everything was measured with.",
                             "fr": "Un seul fichier qui s'ouvre hors ligne dans tout navigateur : les tableaux, les graphiques, "
                                   "une grille d'échantillons et la fiche de chaque générateur, et avec quoi tout a été mesuré."},
    "extractor.inception_desc": {"en": "Inception-v3 (torch-fidelity's port, ImageNet; {file})",
                                 "fr": "Inception-v3 (portage de torch-fidelity, ImageNet ; {file})"},
    "extractor.domain_desc": {"en": "GAN Studio's {data} classifier ({file}; {accuracy})",
                              "fr": "le classifieur {data} de GAN Studio ({file} ; {accuracy})"},
    "extractor.accuracy": {"en": "{pct:.1f}% class accuracy on held-out images", "fr": "{pct:.1f} % de classes justes sur des images mises de côté"},
    "extractor.no_accuracy": {"en": "accuracy not recorded", "fr": "précision non enregistrée"},
    "report.title": {"en": "GAN Studio · evaluation report", "fr": "GAN Studio · rapport d'évaluation"},
    "report.written": {"en": "Written {when}.", "fr": "Écrit le {when}."},
    "report.scores": {"en": "Scores", "fr": "Scores"},
    "report.best_note": {"en": "The best value of each metric is shaded.", "fr": "La meilleure valeur de chaque métrique est surlignée."},
    "report.charts": {"en": "Charts", "fr": "Graphiques"},
    "report.samples": {"en": "Samples (seed 0)", "fr": "Échantillons (graine 0)"},
    "report.cards": {"en": "Model cards", "fr": "Fiches des modèles"},
    "report.cards_note": {"en": "Each model's card as its file states it (shown as text).",
                          "fr": "La fiche de chaque modèle telle que son fichier la donne (affichée comme texte)."},
    # --- ethics ---
    "ethics.title": {"en": "Ethics & Detection", "fr": "Éthique et détection"},
    "ethics.intro": {
        "en": "The same techniques that make faces for a game make deepfakes of real people. This page catches "
              "generated images with a small detector and with their frequency spectrum, shows how easily that detector "
              "is fooled, lets you try for yourself in a quiz, checks which groups a generator drops or over-produces, "
              "and ends with the ethical questions in plain words.",
        "fr": "Les techniques qui créent des visages pour un jeu créent aussi des deepfakes de vraies personnes. Cette "
              "page repère les images générées avec un petit détecteur et avec leur spectre de fréquences, montre combien "
              "ce détecteur se laisse tromper, vous met à l'épreuve dans un quiz, vérifie quels groupes un générateur "
              "oublie ou sur-représente, et termine par les questions éthiques en mots simples.",
    },
    "ethics.upload": {"en": "An image (PNG, JPEG or WebP)", "fr": "Une image (PNG, JPEG ou WebP)"},
    "prov.software": {"en": "Made with", "fr": "Fait avec"},
    "prov.model": {"en": "Model file", "fr": "Fichier du modèle"},
    "prov.checkpoint_data": {"en": "Model's training data", "fr": "Données d'entraînement du modèle"},
    "prov.seed": {"en": "Seed", "fr": "Graine"},
    "prov.truncation": {"en": "Truncation", "fr": "Troncature"},
    "prov.class": {"en": "Class asked for", "fr": "Classe demandée"},
    "prov.index": {"en": "Image number in the set", "fr": "Numéro de l'image dans le lot"},
    "prov.step": {"en": "Training step", "fr": "Pas d'entraînement"},
    "ethics.demo": {"en": "A digit just generated by the shipped DCGAN (seed {seed}), saved as a PNG with its provenance and read back.",
                    "fr": "Un chiffre que le DCGAN fourni vient de générer (graine {seed}), enregistré en PNG avec sa provenance puis relu."},
    "ethics.refused": {"en": "Refused: {reason}", "fr": "Refusé : {reason}"},
    "ethics.is_ours": {"en": "This image says it was generated by GAN Studio.", "fr": "Cette image indique avoir été générée par GAN Studio."},
    "ethics.no_mark": {"en": "No GAN Studio mark: that does not make the image real.", "fr": "Aucune marque GAN Studio : cela ne rend pas l'image vraie."},
    "ethics.questions_title": {"en": "Questions for the class", "fr": "Questions pour la classe"},
    "ethics.questions": {
        "en": "- Whose faces were in the training data, and did they agree?\n- Who is harmed if a generated image is "
              "taken for a photograph?\n- What should a platform do with an image it cannot verify?",
        "fr": "- À qui appartiennent les visages des données d'entraînement, et ont-ils consenti ?\n- Qui est lésé si "
              "une image générée est prise pour une photo ?\n- Que doit faire une plateforme d'une image qu'elle ne "
              "peut pas vérifier ?",
    },
    # ethics: the detector picker, shared by Check, Robustness and the quiz
    "ethics.detector": {"en": "Detector", "fr": "Détecteur"},
    "ethics.detector_help": {"en": "The real-vs-generated classifier used by Check an image, Robustness and the quiz: the shipped one or one you upload.",
                             "fr": "Le classifieur vrai/généré utilisé par Vérifier une image, Robustesse et le quiz : celui fourni ou un que vous envoyez."},
    "ethics.upload_detector_title": {"en": "Upload your own detector (.safetensors)", "fr": "Envoyer votre propre détecteur (.safetensors)"},
    "ethics.card": {"en": "The detector's model card", "fr": "La fiche du détecteur"},
    "ethics.none": {"en": "No detector is available: the shipped checkpoints/digits-detector.safetensors is missing.",
                    "fr": "Aucun détecteur disponible : le fichier fourni checkpoints/digits-detector.safetensors est absent."},
    "ethics.domain_note": {
        "en": "What this detector knows: real images of the {data} set at {size}x{size} against samples of {gens}. Other kinds of images "
              "and other generators are outside what it learned: its answer on them is a guess.",
        "fr": "Ce que ce détecteur connaît : de vraies images du jeu {data} en {size}x{size} face aux échantillons de {gens}. Les autres "
              "sortes d'images et les autres générateurs sortent de ce qu'il a appris : sa réponse n'y est qu'une supposition.",
    },
    "ethics.tab_check": {"en": "Check an image", "fr": "Vérifier une image"},
    "ethics.tab_spectra": {"en": "Real vs generated spectra", "fr": "Spectres : vrai ou généré"},
    "ethics.tab_robust": {"en": "Robustness", "fr": "Robustesse"},
    "ethics.tab_quiz": {"en": "Quiz: real or fake?", "fr": "Quiz : vrai ou faux ?"},
    "ethics.tab_bias": {"en": "Bias and representation", "fr": "Biais et représentation"},
    "ethics.tab_ethics": {"en": "Ethics", "fr": "Éthique"},
    # ethics: check an image
    "ethics.check_intro": {
        "en": "Give the detector one image: it answers with the probability that the image is generated. Beside its answer "
              "you see the image's frequency spectrum, where generators leave their traces, and what the file says about "
              "itself (PNG text, a photo's EXIF). None of the three is proof on its own.",
        "fr": "Donnez une image au détecteur : il répond par la probabilité qu'elle soit générée. À côté de sa réponse, "
              "vous voyez le spectre de fréquences de l'image, où les générateurs laissent leurs traces, et ce que le "
              "fichier dit de lui-même (textes PNG, EXIF d'une photo). Aucun des trois n'est une preuve à lui seul.",
    },
    "ethics.source": {"en": "Image to check", "fr": "Image à vérifier"},
    "ethics.source_generated": {"en": "a digit just generated (as on Generate)", "fr": "un chiffre tout juste généré (comme sur Générer)"},
    "ethics.source_real": {"en": "a real digit the detector never saw", "fr": "un vrai chiffre que le détecteur n'a jamais vu"},
    "ethics.source_upload": {"en": "your own image", "fr": "votre image"},
    "ethics.seed": {"en": "Seed", "fr": "Graine"},
    "ethics.real_index": {"en": "Which real digit", "fr": "Quel vrai chiffre"},
    "ethics.real_caption": {"en": "Real digit no. {i} of scikit-learn's set (enlarged to 32x32), kept apart from the detector's training; saved as a PNG without provenance.",
                            "fr": "Vrai chiffre n° {i} du jeu de scikit-learn (agrandi en 32x32), tenu à l'écart de l'entraînement du détecteur ; enregistré en PNG sans provenance."},
    "ethics.upload_prompt": {"en": "Upload an image to check it (PNG, JPEG or WebP, one frame).",
                             "fr": "Envoyez une image pour la vérifier (PNG, JPEG ou WebP, une seule image)."},
    "ethics.size": {"en": "{w}x{h} pixels", "fr": "{w}x{h} pixels"},
    "ethics.probability": {"en": "Probability it is generated", "fr": "Probabilité qu'elle soit générée"},
    "ethics.verdict_generated": {"en": "Verdict of {name}: **generated** (probability {p:.0%}, above its threshold of {t:.0%}).",
                                 "fr": "Verdict de {name} : **générée** (probabilité {p:.0%}, au-dessus de son seuil de {t:.0%})."},
    "ethics.verdict_real": {"en": "Verdict of {name}: **real** (probability {p:.0%}, not above its threshold of {t:.0%}).",
                            "fr": "Verdict de {name} : **réelle** (probabilité {p:.0%}, pas au-dessus de son seuil de {t:.0%})."},
    "ethics.resized_note": {
        "en": "This image is {w}x{h}, unlike the {size}x{size} images the detector learned: it was resized first, which also wipes "
              "out much of the fine detail the detector looks at. Treat the verdict as a guess.",
        "fr": "Cette image fait {w}x{h}, contrairement aux images {size}x{size} que le détecteur a apprises : elle a d'abord été "
              "redimensionnée, ce qui efface une bonne part des fins détails qu'il examine. Prenez le verdict pour une supposition.",
    },
    "ethics.spectrum_title": {"en": "Centred log-magnitude spectrum", "fr": "Spectre centré (log de l'amplitude)"},
    "ethics.profile_title": {"en": "Radial power profile", "fr": "Profil radial de la puissance"},
    "ethics.spectrum_caption": {
        "en": "The centre of the spectrum holds the image's broad shapes (low frequencies); its edges and corners hold the "
              "finest detail (high frequencies, the right end of the profile). A generator's up-sampling layers leave "
              "regular dots or a raised tail out there.",
        "fr": "Le centre du spectre porte les grandes formes de l'image (basses fréquences) ; ses bords et ses coins, les "
              "détails les plus fins (hautes fréquences, l'extrémité droite du profil). Les couches de suréchantillonnage "
              "d'un générateur y laissent des points réguliers ou une queue relevée.",
    },
    "ethics.spectrum_shrunk": {"en": "Spectrum of the image reduced to {w}x{h} (the original is too large to draw).",
                               "fr": "Spectre de l'image réduite en {w}x{h} (l'originale est trop grande pour être tracée)."},
    "ethics.freq_axis": {"en": "frequency (1 = Nyquist)", "fr": "fréquence (1 = Nyquist)"},
    "ethics.power_axis": {"en": "power (dB)", "fr": "puissance (dB)"},
    "ethics.metadata_title": {"en": "What the file says about itself", "fr": "Ce que le fichier dit de lui-même"},
    "ethics.metadata_warning": {"en": "Metadata is easy to strip, edit or forge: finding it, or not finding it, proves nothing alone.",
                                "fr": "Les métadonnées s'effacent, se modifient et se falsifient facilement : les trouver, ou ne pas les trouver, ne prouve rien à soi seul."},
    "ethics.provenance_rows": {"en": "PNG text chunks", "fr": "Textes du PNG"},
    "ethics.exif_rows": {"en": "EXIF fields (photos)", "fr": "Champs EXIF (photos)"},
    "ethics.no_metadata": {"en": "The file carries no PNG text and no EXIF fields.", "fr": "Le fichier ne porte ni texte PNG ni champ EXIF."},
    # ethics: spectra of sets
    "ethics.spectra_intro": {
        "en": "Each picture is the average spectrum of many images, on one colour scale: real images of the generator's data on "
              "the left, its samples on the right. Generators build their images by up-sampling, which leaves power at high "
              "frequencies (the edges and corners of the picture, the right end of the curve) that real images lack; a "
              "detector can learn exactly that.",
        "fr": "Chaque image est le spectre moyen de nombreuses images, sur une même échelle de couleurs : à gauche les vraies "
              "images des données du générateur, à droite ses échantillons. Les générateurs construisent leurs images par "
              "suréchantillonnage, ce qui laisse aux hautes fréquences (les bords et coins de l'image, l'extrémité droite de "
              "la courbe) une puissance que les vraies images n'ont pas ; un détecteur peut apprendre exactement cela.",
    },
    "ethics.generator": {"en": "Generator", "fr": "Générateur"},
    "ethics.spectra_count": {"en": "Images averaged", "fr": "Images moyennées"},
    "ethics.spectra_real": {"en": "Real images ({n:,})", "fr": "Vraies images ({n:,})"},
    "ethics.spectra_fake": {"en": "Generated ({n:,})", "fr": "Générées ({n:,})"},
    "ethics.spectra_gap": {"en": "Above half the Nyquist frequency, the samples differ from real images by {gap:+.1f} dB on average (positive: more fine-detail power than real images).",
                           "fr": "Au-dessus de la moitié de la fréquence de Nyquist, les échantillons diffèrent des vraies images de {gap:+.1f} dB en moyenne (positif : plus de puissance dans les fins détails que les vraies images)."},
    "ethics.profile_sets_title": {"en": "Mean radial power profile (band: ± one standard deviation of the real images)",
                                  "fr": "Profil radial moyen de la puissance (bande : ± un écart-type des vraies images)"},
    "ethics.no_generator": {"en": "No image generator is available.", "fr": "Aucun générateur d'images n'est disponible."},
    "ethics.unavailable": {"en": "Not available for this generator: {reason}", "fr": "Indisponible pour ce générateur : {reason}"},
    # ethics: robustness
    "ethics.robust_intro": {
        "en": "A detector learns the traces of one way of making images, and everyday changes — saving as JPEG, shrinking, "
              "blurring, adding noise — wipe those traces out. The curves show the detector's balanced accuracy (the mean "
              "of the share of real images called real and of generated ones called generated: 50% is a coin toss) as each "
              "change grows, on images it never trained on.",
        "fr": "Un détecteur apprend les traces d'une façon de fabriquer les images, et des retouches banales — enregistrer en "
              "JPEG, réduire, flouter, ajouter du bruit — effacent ces traces. Les courbes montrent sa précision équilibrée "
              "(la moyenne de la part des vraies images dites vraies et des générées dites générées : 50 % revient à pile ou "
              "face) à mesure que chaque retouche s'accentue, sur des images qu'il n'a jamais vues à l'entraînement.",
    },
    "ethics.card_figures": {"en": "Measured when the detector was made (its card), on images it never trained on:",
                            "fr": "Mesuré à la création du détecteur (sa fiche), sur des images jamais vues à l'entraînement :"},
    "ethics.metric_real": {"en": "Real called real", "fr": "Vraies dites vraies"},
    "ethics.metric_fake": {"en": "Fakes caught", "fr": "Fausses repérées"},
    "ethics.metric_jpeg": {"en": "After JPEG at quality 50", "fr": "Après JPEG qualité 50"},
    "ethics.metric_unseen": {"en": "Unseen generator's fakes caught", "fr": "Fausses d'un générateur jamais vu"},
    "ethics.metric_fake_help": {"en": "Samples of the generators it trained against ({gens}), from latents it never drew.",
                                "fr": "Échantillons des générateurs de son entraînement ({gens}), tirés de latents jamais utilisés."},
    "ethics.metric_jpeg_help": {"en": "Balanced accuracy after each image is saved as a JPEG at quality 50.",
                                "fr": "Précision équilibrée après enregistrement de chaque image en JPEG qualité 50."},
    "ethics.unseen_line": {
        "en": "On {name}, a generator it never saw in training, it catches {acc:.0%} of the fakes ({jpeg:.0%} after JPEG at quality 50). "
              "A high figure means that generator leaves traces like the ones it learned; a generator built differently can "
              "bring it down to a coin toss.",
        "fr": "Sur {name}, un générateur jamais vu à l'entraînement, il repère {acc:.0%} des faux ({jpeg:.0%} après JPEG qualité 50). "
              "Un chiffre élevé signifie que ce générateur laisse des traces semblables à celles qu'il a apprises ; un "
              "générateur construit autrement peut le ramener à pile ou face.",
    },
    "ethics.unseen_family": {
        "en": "Here the unseen digits-cdcgan is a DCGAN too, with the same up-sampling layers as the digits-dcgan it learned from.",
        "fr": "Ici, le digits-cdcgan jamais vu est lui aussi un DCGAN, aux mêmes couches de suréchantillonnage que le digits-dcgan "
              "dont il a appris.",
    },
    "ethics.no_unseen": {"en": "Its card names no generator it never saw: how it does on new generators is unknown.",
                         "fr": "Sa fiche ne nomme aucun générateur jamais vu : on ignore comment il s'en sort face à de nouveaux générateurs."},
    "ethics.robust_run": {"en": "Measure the four curves", "fr": "Mesurer les quatre courbes"},
    "ethics.robust_press": {"en": "The curves take several seconds of the server's time: press the button to measure them (the result is kept for everyone).",
                            "fr": "Les courbes demandent plusieurs secondes de calcul au serveur : appuyez sur le bouton pour les mesurer (le résultat est gardé pour tous)."},
    "ethics.robust_running": {"en": "Measuring the detector under {name}…", "fr": "Mesure du détecteur sous {name}…"},
    "ethics.robust_starting": {"en": "Measuring the detector…", "fr": "Mesure du détecteur…"},
    "ethics.queued": {"en": "Waiting for a free slot on the server: position {pos} in the queue.",
                      "fr": "En attente d'une place libre sur le serveur : position {pos} dans la file."},
    "ethics.busy": {"en": "Not started: {reason}", "fr": "Non lancé : {reason}"},
    "ethics.failed": {"en": "The measurement stopped with an error: {reason}", "fr": "La mesure s'est arrêtée sur une erreur : {reason}"},
    "ethics.robust_title": {"en": "Balanced accuracy as each distortion grows", "fr": "Précision équilibrée selon l'intensité de chaque retouche"},
    "ethics.axis_jpeg": {"en": "JPEG quality (lower = stronger)", "fr": "qualité JPEG (plus bas = plus fort)"},
    "ethics.axis_resize": {"en": "down-size factor, then back up", "fr": "facteur de réduction, puis retour"},
    "ethics.axis_blur": {"en": "blur sigma (pixels)", "fr": "sigma du flou (pixels)"},
    "ethics.axis_noise": {"en": "noise std (images in [-1, 1])", "fr": "écart-type du bruit (images dans [-1, 1])"},
    "ethics.series_balanced": {"en": "balanced accuracy", "fr": "précision équilibrée"},
    "ethics.series_real": {"en": "real called real", "fr": "vraies dites vraies"},
    "ethics.series_fake": {"en": "fakes caught", "fr": "fausses repérées"},
    "ethics.coin_toss": {"en": "coin toss", "fr": "pile ou face"},
    "ethics.robust_measured": {"en": "Measured on the held-out images of the card: {real:,} real and {fake:,} generated, each distorted at every strength.",
                               "fr": "Mesuré sur les images mises de côté de la fiche : {real:,} vraies et {fake:,} générées, chacune retouchée à chaque intensité."},
    "ethics.no_held_out": {"en": "This detector's held-out images cannot be rebuilt on this server ({reason}): the quiz and the live curves need them.",
                           "fr": "Les images mises de côté de ce détecteur ne peuvent pas être reconstruites sur ce serveur ({reason}) : le quiz et les courbes en ont besoin."},
    # ethics: quiz
    "ethics.quiz_intro": {
        "en": "Eight digits, half real and half generated, in a random order: none of them was in the detector's training. "
              "Decide for each whether it is real or fake, press Check, then compare your score with the detector's. "
              "A new round draws eight others.",
        "fr": "Huit chiffres, moitié vrais et moitié générés, dans le désordre : aucun n'a servi à entraîner le détecteur. "
              "Décidez pour chacun s'il est vrai ou faux, appuyez sur Vérifier, puis comparez votre score à celui du "
              "détecteur. Une nouvelle manche en tire huit autres.",
    },
    "ethics.quiz_round": {"en": "Round {r}", "fr": "Manche {r}"},
    "ethics.quiz_image": {"en": "Image {i}", "fr": "Image {i}"},
    "ethics.answer_real": {"en": "real", "fr": "vrai"},
    "ethics.answer_generated": {"en": "fake", "fr": "faux"},
    "ethics.quiz_check": {"en": "Check", "fr": "Vérifier"},
    "ethics.quiz_new": {"en": "New round", "fr": "Nouvelle manche"},
    "ethics.quiz_truth_real": {"en": "Truth: real", "fr": "En fait : vrai"},
    "ethics.quiz_truth_fake": {"en": "Truth: fake ({name})", "fr": "En fait : faux ({name})"},
    "ethics.quiz_you": {"en": "You: {answer} {mark}", "fr": "Vous : {answer} {mark}"},
    "ethics.quiz_detector": {"en": "Detector: {answer} {mark} (probability it is generated: {p:.0%})",
                             "fr": "Détecteur : {answer} {mark} (probabilité d'être générée : {p:.0%})"},
    "ethics.right": {"en": ":green[✓ right]", "fr": ":green[✓ juste]"},
    "ethics.wrong": {"en": ":red[✗ wrong]", "fr": ":red[✗ erreur]"},
    "ethics.quiz_no_answer": {"en": "no answer", "fr": "sans réponse"},
    "ethics.quiz_score_you": {"en": "Your score", "fr": "Votre score"},
    "ethics.quiz_score_detector": {"en": "The detector's score", "fr": "Le score du détecteur"},
    "ethics.quiz_summary": {"en": "You got {you} of {n} right; the detector got {det} of {n}.",
                            "fr": "Vous avez {you} bonnes réponses sur {n} ; le détecteur en a {det} sur {n}."},
    "ethics.quiz_unanswered": {"en": "Images left without an answer count as wrong ({k} here).",
                               "fr": "Les images sans réponse comptent comme des erreurs ({k} ici)."},
    "ethics.quiz_lesson": {
        "en": "The detector does not look at the digit as you do: it reads pixel-level traces of up-sampling. The Robustness "
              "tab shows how little it takes to hide them.",
        "fr": "Le détecteur ne regarde pas le chiffre comme vous : il lit des traces de suréchantillonnage au niveau des "
              "pixels. L'onglet Robustesse montre qu'il en faut peu pour les masquer.",
    },
    # ethics: bias and representation
    "ethics.bias_intro": {
        "en": "A generator can drop a group, or make it more often than its training data holds it. Here a classifier reads "
              "the generator's samples, and the table sets each class's share (and, for faces, each attribute's rate) beside "
              "the training data's own labels: a ratio far from 1 is a group the generator over- or under-represents.",
        "fr": "Un générateur peut oublier un groupe, ou le produire plus souvent que ses données d'entraînement ne le "
              "contiennent. Ici un classifieur lit les échantillons du générateur, et le tableau met la part de chaque classe "
              "(et, pour les visages, le taux de chaque attribut) à côté des étiquettes des données d'entraînement : un "
              "rapport loin de 1 signale un groupe sur- ou sous-représenté.",
    },
    "ethics.bias_samples": {"en": "Samples read", "fr": "Échantillons lus"},
    "ethics.col_group": {"en": "Group", "fr": "Groupe"},
    "ethics.col_name": {"en": "Class or attribute", "fr": "Classe ou attribut"},
    "ethics.col_generated": {"en": "Generated", "fr": "Générés"},
    "ethics.col_real": {"en": "Training data", "fr": "Données d'entraînement"},
    "ethics.col_ratio": {"en": "Ratio generated / data", "fr": "Rapport générés / données"},
    "ethics.group_digit": {"en": "digit", "fr": "chiffre"},
    "ethics.group_hair_colour": {"en": "hair colour", "fr": "couleur des cheveux"},
    "ethics.group_shape": {"en": "shape", "fr": "forme"},
    "ethics.group_class": {"en": "class", "fr": "classe"},
    "ethics.group_attribute": {"en": "attribute", "fr": "attribut"},
    "ethics.name_black": {"en": "black", "fr": "noirs"},
    "ethics.name_brown": {"en": "brown", "fr": "châtains"},
    "ethics.name_blond": {"en": "blond", "fr": "blonds"},
    "ethics.name_red": {"en": "red", "fr": "roux"},
    "ethics.name_smile": {"en": "smile", "fr": "sourire"},
    "ethics.name_glasses": {"en": "glasses", "fr": "lunettes"},
    "ethics.name_eyes_open": {"en": "eyes open", "fr": "yeux ouverts"},
    "ethics.bias_classes_title": {"en": "Share of each {group}: generated vs data", "fr": "Part de chaque {group} : générés et données"},
    "ethics.bias_attributes_title": {"en": "Rate of each attribute: generated vs data", "fr": "Taux de chaque attribut : générés et données"},
    "ethics.bias_gap": {"en": "Largest gap: {name} ({group}), {points:+.1f} percentage points against the training data.",
                        "fr": "Plus grand écart : {name} ({group}), {points:+.1f} points de pourcentage par rapport aux données d'entraînement."},
    "ethics.bias_reader": {
        "en": "{n:,} samples from seed {seed}, read by GAN Studio's own {data} classifier ({clf}): trained by the project, so "
              "not an independent judge. Training data: the labels of the {data} set.",
        "fr": "{n:,} échantillons de la graine {seed}, lus par le classifieur {data} de GAN Studio ({clf}) : entraîné par le "
              "projet, ce n'est pas un juge indépendant. Données d'entraînement : les étiquettes du jeu {data}.",
    },
    "ethics.bias_conditional": {
        "en": "A conditional generator makes the class it is asked for (here each in turn), so its class shares mirror the "
              "request: only its attributes, if any, say much.",
        "fr": "Un générateur conditionnel produit la classe demandée (ici chacune à tour de rôle) : ses parts de classes "
              "reflètent la demande, seuls ses attributs, s'il en a, sont parlants.",
    },
    # ethics: the questions
    "ethics.ethics_intro": {
        "en": "Five questions that everyone who makes or shares generated images meets, each with an example from this app. "
              "There is rarely one right answer; the point is to ask them before an image is published, not after.",
        "fr": "Cinq questions que rencontre quiconque fabrique ou partage des images générées, chacune avec un exemple tiré "
              "de cette application. Il y a rarement une seule bonne réponse ; l'important est de se les poser avant de "
              "publier une image, pas après.",
    },
    "ethics.topic_deepfakes_title": {"en": "Deepfakes and misinformation", "fr": "Deepfakes et désinformation"},
    "ethics.topic_deepfakes": {
        "en": "A few clicks on Generate make a face that never existed, and latent arithmetic adds glasses or a smile to it; "
              "trained on photos of one real person, the same method makes a convincing fake of them. A fake travels faster "
              "than its correction, and the mere possibility of fakes lets people wave away real evidence as \"probably "
              "generated\". Detectors are no shield: the Robustness tab shows the shipped detector falling towards a coin "
              "toss once an image is blurred or shrunk a little.",
        "fr": "Quelques clics sur Générer font un visage qui n'a jamais existé, et l'arithmétique latente lui ajoute des "
              "lunettes ou un sourire ; entraînée sur les photos d'une personne réelle, la même méthode en fabrique un faux "
              "convaincant. Un faux circule plus vite que son démenti, et la simple possibilité des faux permet d'écarter "
              "de vraies preuves comme « sans doute générées ». Les détecteurs ne protègent pas : l'onglet Robustesse montre "
              "le détecteur fourni tomber vers pile ou face dès qu'une image est un peu floutée ou réduite.",
    },
    "ethics.topic_bias_title": {"en": "Bias", "fr": "Biais"},
    "ethics.topic_bias": {
        "en": "A generator learns the proportions of its data and often distorts them: a group that is rare in the data "
              "becomes rarer, or disappears (mode collapse). The Bias and representation tab shows the shipped digits DCGAN "
              "making some digits more often than the data holds them. With photos of people, the group that thins out is "
              "a skin tone, an age or a gender, and the same chart then measures who gets left out of the pictures.",
        "fr": "Un générateur apprend les proportions de ses données et les déforme souvent : un groupe rare dans les "
              "données devient plus rare encore, ou disparaît (effondrement de modes). L'onglet Biais et représentation "
              "montre le DCGAN de chiffres fourni produisant certains chiffres plus souvent que les données ne les "
              "contiennent. Avec des photos de personnes, le groupe qui s'amenuise est une couleur de peau, un âge ou un "
              "genre, et le même graphique mesure alors qui disparaît des images.",
    },
    "ethics.topic_ip_title": {"en": "Intellectual property", "fr": "Propriété intellectuelle"},
    "ethics.topic_ip": {
        "en": "A model is made from its training images. The digits here are a public research set distributed with "
              "scikit-learn, but a model trained on an illustrator's portfolio imitates their style without asking or "
              "paying them, and can reproduce a training image almost as it was. The memorisation check on Evaluate shows "
              "the training images closest to a generator's samples: a near-copy is someone else's work.",
        "fr": "Un modèle est fait de ses images d'entraînement. Les chiffres d'ici forment un jeu de recherche public "
              "distribué avec scikit-learn, mais un modèle entraîné sur le portfolio d'un illustrateur imite son style "
              "sans lui demander ni le payer, et peut restituer une image d'entraînement presque telle quelle. Le test de "
              "mémorisation de la page Évaluer montre les images d'entraînement les plus proches des échantillons d'un "
              "générateur : une quasi-copie est l'œuvre de quelqu'un d'autre.",
    },
    "ethics.topic_consent_title": {"en": "Consent", "fr": "Consentement"},
    "ethics.topic_consent": {
        "en": "The 1,797 digits were written by 43 people for a character-recognition study, not to train generators; the "
              "faces on this site are drawn by a program, so nobody's face is used. A zip of classmates' photos uploaded "
              "on the Train page would be another matter: each person should agree to being in the data and to what the "
              "model will make of them, and be able to withdraw.",
        "fr": "Les 1 797 chiffres ont été écrits par 43 personnes pour une étude de reconnaissance d'écriture, pas pour "
              "entraîner des générateurs ; les visages de ce site sont dessinés par un programme, si bien qu'aucun vrai "
              "visage n'est utilisé. Un zip de photos de camarades envoyé sur la page Entraîner serait une autre affaire : "
              "chacun devrait accepter d'être dans les données et ce que le modèle fera de son image, et pouvoir se retirer.",
    },
    "ethics.topic_creative_title": {"en": "Creative work", "fr": "Création"},
    "ethics.topic_creative": {
        "en": "Generative models can be real creative tools: on Translate you sketch a few regions and a Pix2Pix model paints "
              "a landscape from them. But who is the author: you, the people whose images trained the model, or its "
              "makers? GAN Studio writes the model and the seed into every PNG it saves, so a picture can say how it was "
              "made; keep that label when you publish, and say plainly when an image is generated.",
        "fr": "Les modèles génératifs peuvent être de vrais outils de création : sur Traduire, vous esquissez quelques "
              "régions et un modèle Pix2Pix en peint un paysage. Mais qui en est l'auteur : vous, les personnes dont les "
              "images ont entraîné le modèle, ou ses concepteurs ? GAN Studio inscrit le modèle et la graine dans chaque "
              "PNG qu'il enregistre, pour qu'une image puisse dire comment elle a été faite ; gardez cette étiquette en "
              "publiant, et dites clairement quand une image est générée.",
    },
    # --- playground ---
    "home.map_playground": {"en": "A GAN on points in a plane, live: D's view as a heat map, G's pull as arrows, mode collapse as it happens.",
                            "fr": "Un GAN sur des points du plan, en direct : la vision de D en carte de chaleur, la poussée de G en flèches, l'effondrement de modes en train de se produire."},
    "data.toy2d-circles": {"en": "two concentric circles (2-D points)", "fr": "deux cercles concentriques (points 2-D)"},
    "playground.title": {"en": "Playground", "fr": "Bac à sable"},
    "playground.intro": {
        "en": "A generator and a discriminator fight over **points in a plane**. The generator G turns random noise into "
              "points (orange); the discriminator D learns to tell them from the target's points (teal). The background "
              "is D's opinion of every place in the plane, the arrows show where G's loss pulls its points, and the rings "
              "mark the target's modes: green when G's points reach them, grey when it has missed them. Press **Play**, "
              "or **Step** to watch one update at a time; the models are small and train right here, in your page.",
        "fr": "Un générateur et un discriminateur s'affrontent sur des **points du plan**. Le générateur G transforme du "
              "bruit aléatoire en points (orange) ; le discriminateur D apprend à les distinguer des points de la cible "
              "(bleu-vert). Le fond montre l'avis de D en chaque endroit du plan, les flèches indiquent où la perte de G "
              "pousse ses points, et les anneaux marquent les modes de la cible : verts quand les points de G les "
              "atteignent, gris quand il les a manqués. Appuyez sur **Lecture**, ou sur **Un pas** pour suivre une mise à "
              "jour à la fois ; les modèles sont petits et s'entraînent ici même, dans votre page.",
    },
    "playground.target": {"en": "Target", "fr": "Cible"},
    "playground.target_ring": {"en": "ring of 8 Gaussians", "fr": "anneau de 8 gaussiennes"},
    "playground.target_grid": {"en": "5 x 5 grid of Gaussians", "fr": "grille 5 x 5 de gaussiennes"},
    "playground.target_spiral": {"en": "spiral", "fr": "spirale"},
    "playground.target_moons": {"en": "two half-moons", "fr": "deux demi-lunes"},
    "playground.target_circles": {"en": "two circles", "fr": "deux cercles"},
    "playground.target_drawn": {"en": "your own drawing", "fr": "votre propre dessin"},
    "playground.loss": {"en": "Loss", "fr": "Perte"},
    "playground.loss_b": {"en": "Compare with", "fr": "Comparer avec"},
    "playground.compare_none": {"en": "nothing (one GAN)", "fr": "rien (un seul GAN)"},
    "playground.compare_help": {
        "en": "Train two GANs at once on the same target from the same seed (same first weights, same noise): only the "
              "loss (and, if you wish, D's steps) differs, so what you see apart comes from the loss.",
        "fr": "Entraîne deux GAN à la fois sur la même cible avec la même graine (mêmes poids de départ, même bruit) : "
              "seule la perte (et, si vous le souhaitez, le nombre de pas de D) change, donc les différences viennent "
              "de la perte.",
    },
    "playground.models": {"en": "Models and training", "fr": "Modèles et entraînement"},
    "playground.width": {"en": "Width", "fr": "Largeur"},
    "playground.width_help": {
        "en": "G's hidden layers have 4 x width and 8 x width units; D mirrors them. Wider networks can draw finer shapes.",
        "fr": "Les couches cachées de G ont 4 x largeur puis 8 x largeur neurones ; D est son miroir. Des réseaux plus "
              "larges dessinent des formes plus fines.",
    },
    "playground.depth": {"en": "Hidden layers", "fr": "Couches cachées"},
    "playground.depth_help": {"en": "Hidden layers in G and in D (2 is the course's vanilla GAN).",
                              "fr": "Couches cachées de G et de D (2 pour le GAN original du cours)."},
    "playground.nz": {"en": "Noise dimension", "fr": "Dimension du bruit"},
    "playground.nz_help": {
        "en": "How many random numbers G starts from. With 2, the latent map shows all of G's input space.",
        "fr": "Le nombre de valeurs aléatoires dont part G. Avec 2, la carte latente montre tout l'espace d'entrée de G.",
    },
    "playground.batch": {"en": "Batch size", "fr": "Taille de lot"},
    "playground.seed": {"en": "Seed", "fr": "Graine"},
    "playground.seed_help": {"en": "The same seed gives the same first weights, noise and batches.",
                             "fr": "La même graine donne les mêmes poids de départ, le même bruit et les mêmes lots."},
    "playground.lr_g": {"en": "G's learning rate", "fr": "Taux d'apprentissage de G"},
    "playground.lr_d": {"en": "D's learning rate", "fr": "Taux d'apprentissage de D"},
    "playground.lr_help": {
        "en": "Adam's step size. You can change it while training runs: the models keep what they have learnt.",
        "fr": "Le pas d'Adam. Vous pouvez le changer pendant l'entraînement : les modèles gardent ce qu'ils ont appris.",
    },
    "playground.d_steps": {"en": "D steps per G step", "fr": "Pas de D par pas de G"},
    "playground.d_steps_b": {"en": "D steps (compared loss)", "fr": "Pas de D (perte comparée)"},
    "playground.d_steps_help": {
        "en": "How many times D learns before G learns once. A Wasserstein critic needs several (3 is chosen for you when "
              "you pick WGAN-GP or the hinge loss).",
        "fr": "Combien de fois D apprend avant que G apprenne une fois. Un critique de Wasserstein en demande plusieurs "
              "(3 sont choisis pour vous quand vous prenez WGAN-GP ou la perte hinge).",
    },
    "playground.g_steps": {"en": "G steps per iteration", "fr": "Pas de G par itération"},
    "playground.speed": {"en": "Steps per update", "fr": "Pas par mise à jour"},
    "playground.speed_help": {
        "en": "Training steps between two pictures while playing (a picture every {tick} s). Fewer steps: slower, but "
              "you see more of the fight.",
        "fr": "Pas d'entraînement entre deux images pendant la lecture (une image toutes les {tick} s). Moins de pas : "
              "plus lent, mais vous voyez mieux le combat.",
    },
    "playground.show_surface": {"en": "D's heat map", "fr": "Carte de chaleur de D"},
    "playground.show_arrows": {"en": "G's gradient arrows", "fr": "Flèches du gradient de G"},
    "playground.show_modes": {"en": "Modes covered", "fr": "Modes couverts"},
    "playground.show_latent": {"en": "Latent map", "fr": "Carte latente"},
    "playground.draw_text": {
        "en": "Draw the points G should learn to make: strokes, dots, letters. Each stroke redraws the target and starts "
              "training afresh. Separate blobs make separate modes, and a good test of mode collapse.",
        "fr": "Dessinez les points que G doit apprendre à produire : traits, points, lettres. Chaque trait redessine la "
              "cible et relance l'entraînement depuis le début. Des taches séparées font des modes séparés, et un bon "
              "test d'effondrement de modes.",
    },
    "playground.draw_prompt": {"en": "Draw on the canvas to make a target.", "fr": "Dessinez sur la toile pour créer une cible."},
    "playground.drawn": {"en": "{n:,} drawn pixels make the target.", "fr": "{n:,} pixels dessinés forment la cible."},
    "playground.evicted": {
        "en": "Your playground was started again: the server keeps at most {n} playgrounds and yours had not been used for a while.",
        "fr": "Votre bac à sable a été relancé : le serveur en garde au plus {n} et le vôtre n'avait pas servi depuis un moment.",
    },
    "playground.refused": {"en": "Refused: {reason}", "fr": "Refusé : {reason}"},
    "playground.play": {"en": "Play", "fr": "Lecture"},
    "playground.pause": {"en": "Pause", "fr": "Pause"},
    "playground.step": {"en": "Step", "fr": "Un pas"},
    "playground.reset": {"en": "Reset", "fr": "Réinitialiser"},
    "playground.status_playing": {"en": "Training: step {step:,} · {rate:,.0f} steps/s of compute · at most {cap:,} steps",
                                  "fr": "Entraînement : pas {step:,} · {rate:,.0f} pas/s de calcul · au plus {cap:,} pas"},
    "playground.status_paused": {"en": "Paused at step {step:,} · at most {cap:,} steps",
                                 "fr": "En pause au pas {step:,} · au plus {cap:,} pas"},
    "playground.failed": {
        "en": "The {loss} run diverged at step {step:,} (a loss became NaN or infinite). Lower the learning rates and press Reset.",
        "fr": "L'entraînement {loss} a divergé au pas {step:,} (une perte est devenue NaN ou infinie). Baissez les taux "
              "d'apprentissage et appuyez sur Réinitialiser.",
    },
    "playground.cap": {"en": "A playground trains at most {cap:,} steps: press Reset to start again.",
                       "fr": "Un bac à sable s'entraîne au plus {cap:,} pas : appuyez sur Réinitialiser pour recommencer."},
    "playground.busy": {"en": "The server is busy: this update skipped training.",
                        "fr": "Le serveur est occupé : cette mise à jour n'a pas entraîné."},
    "playground.plane_title": {"en": "Real and generated points, step {step:,}", "fr": "Points réels et générés, pas {step:,}"},
    "playground.plane_legend": {"en": "Teal dots: the target's points; orange dots: G's points.",
                                "fr": "Points bleu-vert : ceux de la cible ; points orange : ceux de G."},
    "playground.rings_legend": {"en": "Rings: the target's {parts}, green once G covers them, grey while it misses them.",
                                "fr": "Anneaux : les {parts} de la cible, verts quand G les couvre, gris tant qu'il les manque."},
    "playground.surface_legend_probability": {
        "en": "Background: D's output, teal where it says real, orange where it says fake.",
        "fr": "Fond : la sortie de D, bleu-vert là où il dit réel, orange là où il dit faux.",
    },
    "playground.surface_legend_score": {
        "en": "Background: the critic's score (a number, not a probability), teal where it is high, orange where it is low.",
        "fr": "Fond : le score du critique (un nombre, pas une probabilité), bleu-vert là où il est haut, orange là où il est bas.",
    },
    "playground.arrows_caption": {"en": "Arrows: where G's loss pushes its points (mean gradient norm {g:.2g}).",
                                  "fr": "Flèches : où la perte de G pousse ses points (norme moyenne du gradient {g:.2g})."},
    "playground.legend_modes": {"en": "modes", "fr": "modes"},
    "playground.legend_regions": {"en": "regions", "fr": "régions"},
    "playground.covered_modes": {"en": "Modes covered", "fr": "Modes couverts"},
    "playground.covered_regions": {"en": "Regions covered", "fr": "Régions couvertes"},
    "playground.covered_modes_help": {
        "en": "A mode (a Gaussian of the target, or a separate blob of your drawing) counts as covered when at least a "
              "fifth of its fair share of G's points land on it.",
        "fr": "Un mode (une gaussienne de la cible, ou une tache séparée de votre dessin) compte comme couvert quand au "
              "moins un cinquième de sa juste part des points de G tombe dessus.",
    },
    "playground.covered_regions_help": {
        "en": "This target has no separate Gaussians: it is cut into regions (k-means on its points). A region counts as "
              "covered when at least a fifth of its fair share of G's points land on the target in it.",
        "fr": "Cette cible n'a pas de gaussiennes séparées : elle est découpée en régions (k-moyennes sur ses points). Une "
              "région compte comme couverte quand au moins un cinquième de sa juste part des points de G tombe sur la "
              "cible dans cette région.",
    },
    "playground.near": {"en": "{share:.0f}% of G's points are on the target.", "fr": "{share:.0f} % des points de G sont sur la cible."},
    "playground.coverage_modes": {"en": "Share of points per mode", "fr": "Part des points par mode"},
    "playground.coverage_regions": {"en": "Share of points per region", "fr": "Part des points par région"},
    "playground.latent_title": {"en": "G's map of a grid of noise", "fr": "L'image par G d'une grille de bruit"},
    "playground.latent_caption": {
        "en": "A square grid of noise values (purple: its rows, teal: its columns), as G bends it onto the plane: where "
              "lines bunch up, G puts many points; where they stretch, few.",
        "fr": "Une grille carrée de valeurs de bruit (violet : ses lignes, bleu-vert : ses colonnes), telle que G la plie "
              "sur le plan : là où les lignes se resserrent, G met beaucoup de points ; là où elles s'étirent, peu.",
    },
    "playground.latent_caption_slice": {
        "en": "A square grid over the first two of the {nz} noise values, the others at 0 (purple: its rows, teal: its "
              "columns), as G bends it onto the plane.",
        "fr": "Une grille carrée sur les deux premières des {nz} valeurs de bruit, les autres à 0 (violet : ses lignes, "
              "bleu-vert : ses colonnes), telle que G la plie sur le plan.",
    },
    "playground.no_history": {"en": "The curves appear once training starts.", "fr": "Les courbes apparaissent dès que l'entraînement commence."},
    "playground.compare_caption": {
        "en": "Same target, same seed, same networks: only the loss differs (and D's steps, if you changed them).",
        "fr": "Même cible, même graine, mêmes réseaux : seule la perte change (et les pas de D, si vous les avez modifiés).",
    },
    "playground.look_title": {"en": "What to look for", "fr": "Ce qu'il faut observer"},
    "playground.look_text": {
        "en": "- **The heat map** is D's decision surface: it turns teal around the real points and orange where G's "
              "points sit. G's points slide downhill towards teal: that is the arrows.\n"
              "- **Mode collapse**: on the ring, G's points often gather on a few modes, hop to others when D catches "
              "up, and leave grey rings behind. The coverage count tells you how many it holds at once.\n"
              "- **D(x) and D(G(z))**: at the game's equilibrium D cannot tell, and both hover around 0.5. If D(x) stays "
              "near 1 and D(G(z)) near 0, D has won and G learns little (with the minimax loss its gradient vanishes).\n"
              "- **The latent map**: G is one smooth function, so it cannot tear the grid apart. To reach separate modes "
              "it stretches thin bridges between them, where it puts few points.",
        "fr": "- **La carte de chaleur** est la surface de décision de D : elle devient bleu-vert autour des points réels "
              "et orange là où sont les points de G. Les points de G glissent vers le bleu-vert : ce sont les flèches.\n"
              "- **L'effondrement de modes** : sur l'anneau, les points de G se regroupent souvent sur quelques modes, "
              "sautent vers d'autres quand D les rattrape, et laissent des anneaux gris derrière eux. Le compteur de "
              "couverture dit combien il en tient à la fois.\n"
              "- **D(x) et D(G(z))** : à l'équilibre du jeu, D ne sait plus distinguer et les deux restent autour de "
              "0,5. Si D(x) reste proche de 1 et D(G(z)) proche de 0, D a gagné et G n'apprend plus grand-chose (avec "
              "la perte minimax, son gradient s'annule).\n"
              "- **La carte latente** : G est une fonction continue, il ne peut pas déchirer la grille. Pour atteindre "
              "des modes séparés, il étire de fins ponts entre eux, où il met peu de points.",
    },
    "playground.try_title": {"en": "Experiments to try", "fr": "Expériences à tenter"},
    "playground.try_text": {
        "en": "1. **Saturation**: loss minimax, compare with bce, D's learning rate 0.01, 3 D steps. D soon calls almost "
              "every fake point fake (D(G(z)) near 0.1); with minimax G's arrows then barely move (a mean gradient norm "
              "about ten times smaller) and it stays on two modes, while the non-saturating BCE keeps pulling and covers "
              "most of the ring within 1,000 steps.\n"
              "2. **Mode collapse**: the hinge loss compared with LSGAN on the ring, both with 1 D step. Count the modes "
              "each holds after 1,000 steps; then give the hinge side 3 D steps and start again.\n"
              "3. Raise **D's learning rate** to 0.01 while it runs: its heat map sharpens, G's arrows grow (the mean "
              "gradient norm in the caption jumps about tenfold) and the points start to jump.\n"
              "4. **Capacity**: width 4 on the spiral. A small G cannot follow the curve however long it trains (one "
              "region of 8 after 3,000 steps); with width 16 it covers all 8.\n"
              "5. **Draw** three separate blobs and watch whether G reaches all three, or builds bridges between them.",
        "fr": "1. **Saturation** : perte minimax, comparée avec bce, taux d'apprentissage de D à 0,01, 3 pas de D. D "
              "juge vite presque tous les points faux comme faux (D(G(z)) vers 0,1) ; avec minimax, les flèches de G ne "
              "bougent alors presque plus (une norme moyenne du gradient environ dix fois plus petite) et il reste sur "
              "deux modes, tandis que la BCE non saturante continue de tirer et couvre presque tout l'anneau en 1 000 "
              "pas.\n"
              "2. **Effondrement de modes** : la perte hinge comparée avec LSGAN sur l'anneau, toutes deux avec 1 pas de "
              "D. Comptez les modes que chacune tient après 1 000 pas ; puis donnez 3 pas de D au côté hinge et "
              "recommencez.\n"
              "3. Montez le **taux d'apprentissage de D** à 0,01 en cours de route : sa carte de chaleur devient plus "
              "nette, les flèches de G s'allongent (la norme moyenne du gradient dans la légende est multipliée par "
              "dix environ) et les points se mettent à sauter.\n"
              "4. **Capacité** : largeur 4 sur la spirale. Un petit G ne peut pas suivre la courbe, même longtemps (une "
              "région sur 8 après 3 000 pas) ; avec une largeur de 16, il les couvre toutes.\n"
              "5. **Dessinez** trois taches séparées et regardez si G atteint les trois, ou construit des ponts entre elles.",
    },
    # --- learn ---
    "learn.title": {"en": "Learn", "fr": "Comprendre"},
    "learn.intro": {"en": "The ideas behind this page, in short, each with a quick quiz (answers explained).",
                    "fr": "Les idées derrière cette page, en bref, chacune avec un petit quiz (réponses expliquées)."},
    "learn.see_it": {"en": "See it live:", "fr": "À voir en direct :"},
    "learn.quiz": {"en": "Quiz", "fr": "Quiz"},
    "learn.right": {"en": "Right.", "fr": "Exact."},
    "learn.wrong": {"en": "Not quite: the answer is “{answer}”.", "fr": "Pas tout à fait : la réponse est « {answer} »."},
    # generative vs discriminative
    "learn.gen_disc_title": {"en": "Generative or discriminative?", "fr": "Génératif ou discriminatif ?"},
    "learn.gen_disc_text": {
        "en": "A **discriminative** model answers one question: given a point x, which class y is it? It learns "
              "p(y | x), which in practice means a boundary between the classes, and nothing about where the points "
              "themselves lie. A **generative** model learns how the data is spread, p(x) (or p(x | y) for each "
              "class): it knows which places are likely, so it can score a point and also **draw new ones**. Below, "
              "the same two half-moons seen both ways.",
        "fr": "Un modèle **discriminatif** répond à une seule question : pour un point x, quelle est sa classe y ? Il "
              "apprend p(y | x), c'est-à-dire en pratique une frontière entre les classes, et rien sur l'endroit où se "
              "trouvent les points eux-mêmes. Un modèle **génératif** apprend comment les données sont réparties, p(x) "
              "(ou p(x | y) pour chaque classe) : il sait quels endroits sont probables, il peut donc évaluer un point "
              "et aussi **en tirer de nouveaux**. Ci-dessous, les deux mêmes demi-lunes vues des deux façons.",
    },
    "learn.gen_disc_left": {"en": "Discriminative: a boundary", "fr": "Discriminatif : une frontière"},
    "learn.gen_disc_right": {"en": "Generative: where each class lives", "fr": "Génératif : où vit chaque classe"},
    "learn.gen_disc_caption": {
        "en": "Left: a small classifier's p(class | x); the dashed line is where it hesitates (0.5). Far from the data it "
              "is just as sure of itself. Right: each class's density (contours) and new points drawn from it (stars), "
              "something the classifier cannot do.",
        "fr": "À gauche : p(classe | x) d'un petit classifieur ; le pointillé marque l'endroit où il hésite (0,5). Loin "
              "des données, il reste tout aussi sûr de lui. À droite : la densité de chaque classe (contours) et de "
              "nouveaux points tirés de celle-ci (étoiles), ce que le classifieur ne sait pas faire.",
    },
    "learn.gen_disc_q1": {"en": "A spam filter outputs “spam” or “not spam” for each e-mail. It is…",
                          "fr": "Un filtre anti-spam répond « spam » ou « pas spam » pour chaque e-mail. C'est…"},
    "learn.gen_disc_q1_a": {"en": "discriminative", "fr": "discriminatif"},
    "learn.gen_disc_q1_b": {"en": "generative", "fr": "génératif"},
    "learn.gen_disc_q1_c": {"en": "both at once", "fr": "les deux à la fois"},
    "learn.gen_disc_q1_why": {"en": "It models p(spam | e-mail): a boundary between two classes. It cannot write an e-mail.",
                              "fr": "Il modélise p(spam | e-mail) : une frontière entre deux classes. Il ne sait pas écrire d'e-mail."},
    "learn.gen_disc_q2": {"en": "Which model can produce new, plausible data points?",
                          "fr": "Quel modèle peut produire de nouvelles données plausibles ?"},
    "learn.gen_disc_q2_a": {"en": "the discriminative one", "fr": "le discriminatif"},
    "learn.gen_disc_q2_b": {"en": "the generative one", "fr": "le génératif"},
    "learn.gen_disc_q2_c": {"en": "neither", "fr": "aucun des deux"},
    "learn.gen_disc_q2_why": {"en": "Knowing p(x) means knowing where data is likely, so you can sample from it; a "
                                    "boundary says nothing about where the points are.",
                              "fr": "Connaître p(x), c'est savoir où les données sont probables, donc pouvoir en tirer ; "
                                    "une frontière ne dit rien de l'endroit où sont les points."},
    # families
    "learn.families_title": {"en": "Families of generative models", "fr": "Les familles de modèles génératifs"},
    "learn.families_text": {
        "en": "GANs are one way among five to learn a data distribution. **GANs** pit a generator against a judge. "
              "**VAEs** compress each example into a small latent code and learn to decode it back. **Diffusion** "
              "models learn to remove noise a little at a time, and generate by denoising pure noise. "
              "**Autoregressive** models (Transformers, PixelCNN) predict the next piece from all the previous ones. "
              "**Flows** chain invertible transformations, so the exact probability of a point can be computed. Each "
              "trades quality, variety, training stability and speed differently:",
        "fr": "Les GAN sont une façon parmi cinq d'apprendre une distribution de données. Les **GAN** opposent un "
              "générateur à un juge. Les **VAE** compressent chaque exemple en un petit code latent et apprennent à le "
              "décoder. Les modèles de **diffusion** apprennent à retirer le bruit peu à peu, et génèrent en débruitant "
              "du bruit pur. Les modèles **autorégressifs** (Transformers, PixelCNN) prédisent le morceau suivant à "
              "partir de tous les précédents. Les **flots** enchaînent des transformations inversibles, ce qui permet "
              "de calculer la probabilité exacte d'un point. Chacun arbitre autrement entre qualité, variété, stabilité "
              "de l'entraînement et vitesse :",
    },
    "learn.col_family": {"en": "Family", "fr": "Famille"},
    "learn.col_strengths": {"en": "Strengths", "fr": "Points forts"},
    "learn.col_limits": {"en": "Limits", "fr": "Limites"},
    "learn.col_uses": {"en": "Typical uses", "fr": "Usages typiques"},
    "learn.family_gan": {"en": "GAN", "fr": "GAN"},
    "learn.family_gan_good": {"en": "sharp samples, one network pass per sample", "fr": "échantillons nets, un seul passage dans le réseau"},
    "learn.family_gan_bad": {"en": "unstable training, mode collapse, no likelihood", "fr": "entraînement instable, effondrement de modes, pas de vraisemblance"},
    "learn.family_gan_use": {"en": "faces, image translation, super-resolution", "fr": "visages, traduction d'images, super-résolution"},
    "learn.family_vae": {"en": "VAE", "fr": "VAE"},
    "learn.family_vae_good": {"en": "stable training, a smooth, organised latent space", "fr": "entraînement stable, espace latent lisse et organisé"},
    "learn.family_vae_bad": {"en": "blurry samples, fine detail lost", "fr": "échantillons flous, détails fins perdus"},
    "learn.family_vae_use": {"en": "compression, representations, anomaly scores", "fr": "compression, représentations, scores d'anomalie"},
    "learn.family_diffusion": {"en": "Diffusion", "fr": "Diffusion"},
    "learn.family_diffusion_good": {"en": "top quality and variety, stable training", "fr": "qualité et variété au plus haut, entraînement stable"},
    "learn.family_diffusion_bad": {"en": "slow sampling (many denoising steps), heavy to train", "fr": "génération lente (nombreuses étapes de débruitage), lourd à entraîner"},
    "learn.family_diffusion_use": {"en": "text-to-image, editing, audio", "fr": "texte vers image, retouche, audio"},
    "learn.family_autoregressive": {"en": "Autoregressive", "fr": "Autorégressif"},
    "learn.family_autoregressive_good": {"en": "exact likelihood, coherent sequences", "fr": "vraisemblance exacte, séquences cohérentes"},
    "learn.family_autoregressive_bad": {"en": "one piece at a time: slow for large outputs", "fr": "un morceau à la fois : lent pour les grandes sorties"},
    "learn.family_autoregressive_use": {"en": "text, code, speech, small images", "fr": "texte, code, parole, petites images"},
    "learn.family_flow": {"en": "Flow", "fr": "Flot"},
    "learn.family_flow_good": {"en": "exact likelihood and exact inversion", "fr": "vraisemblance exacte et inversion exacte"},
    "learn.family_flow_bad": {"en": "invertible layers constrain the architecture", "fr": "les couches inversibles contraignent l'architecture"},
    "learn.family_flow_use": {"en": "density estimation, anomaly detection", "fr": "estimation de densité, détection d'anomalies"},
    "learn.families_q1": {"en": "Which family generates an image by removing noise step by step?",
                          "fr": "Quelle famille génère une image en retirant le bruit étape par étape ?"},
    "learn.families_q1_a": {"en": "VAE", "fr": "VAE"},
    "learn.families_q1_b": {"en": "diffusion", "fr": "diffusion"},
    "learn.families_q1_c": {"en": "GAN", "fr": "GAN"},
    "learn.families_q1_why": {"en": "A diffusion model is trained to undo a little noise; sampling repeats that from pure noise.",
                              "fr": "Un modèle de diffusion apprend à défaire un peu de bruit ; générer, c'est répéter cela à partir de bruit pur."},
    "learn.families_q2": {"en": "Which family computes a point's exact probability thanks to invertible layers?",
                          "fr": "Quelle famille calcule la probabilité exacte d'un point grâce à des couches inversibles ?"},
    "learn.families_q2_a": {"en": "GAN", "fr": "GAN"},
    "learn.families_q2_b": {"en": "flow", "fr": "flot"},
    "learn.families_q2_c": {"en": "diffusion", "fr": "diffusion"},
    "learn.families_q2_why": {"en": "Inverting each layer maps a data point back to its noise, and the change of variables "
                                    "gives its exact density. A GAN gives no probability at all.",
                              "fr": "Inverser chaque couche ramène un point à son bruit, et le changement de variables donne "
                                    "sa densité exacte. Un GAN ne donne aucune probabilité."},
    "learn.families_q3": {"en": "Sharp samples in one network pass, but training may collapse onto a few kinds of output: which family?",
                          "fr": "Des échantillons nets en un seul passage, mais l'entraînement peut s'effondrer sur quelques sorties : quelle famille ?"},
    "learn.families_q3_a": {"en": "GAN", "fr": "GAN"},
    "learn.families_q3_b": {"en": "VAE", "fr": "VAE"},
    "learn.families_q3_c": {"en": "autoregressive", "fr": "autorégressif"},
    "learn.families_q3_why": {"en": "That is the GAN's trade: fast and sharp, at the price of an unstable game (see mode "
                                    "collapse on the Playground).",
                              "fr": "C'est le compromis du GAN : rapide et net, au prix d'un jeu instable (voir "
                                    "l'effondrement de modes dans le Bac à sable)."},
    # minimax
    "learn.minimax_title": {"en": "The BCE loss and the minimax game", "fr": "La perte BCE et le jeu minimax"},
    "learn.minimax_text": {
        "en": "D is a classifier trained with binary cross-entropy: label 1 for real, 0 for fake, so its loss on a real x "
              "is −log D(x) and on a fake −log(1 − D(G(z))). G plays against it: in the original game it minimises "
              "log(1 − D(G(z))), the very term D maximises. In practice G maximises log D(G(z)) instead (the "
              "“non-saturating” loss, BCE on this site): the same target, but a strong pull when D easily spots the "
              "fakes, which is exactly when G needs it. At the end of a perfect game G's points follow the data and "
              "D can only say 0.5.",
        "fr": "D est un classifieur entraîné avec l'entropie croisée binaire : étiquette 1 pour le réel, 0 pour le faux, "
              "donc sa perte sur un x réel vaut −log D(x) et sur un faux −log(1 − D(G(z))). G joue contre lui : dans le "
              "jeu original, il minimise log(1 − D(G(z))), le terme même que D maximise. En pratique, G maximise plutôt "
              "log D(G(z)) (la perte « non saturante », BCE sur ce site) : la même cible, mais une forte poussée quand D "
              "repère facilement les faux, c'est-à-dire quand G en a le plus besoin. À la fin d'une partie parfaite, "
              "les points de G suivent les données et D ne peut plus dire que 0,5.",
    },
    "learn.minimax_q1": {"en": "D outputs D(x) = 0.9 for a real image. Its BCE loss on that image is…",
                         "fr": "D donne D(x) = 0,9 pour une image réelle. Sa perte BCE sur cette image vaut…"},
    "learn.minimax_q1_a": {"en": "−log 0.9 ≈ 0.11", "fr": "−log 0,9 ≈ 0,11"},
    "learn.minimax_q1_b": {"en": "−log 0.1 ≈ 2.3", "fr": "−log 0,1 ≈ 2,3"},
    "learn.minimax_q1_c": {"en": "0.9", "fr": "0,9"},
    "learn.minimax_q1_why": {"en": "The label is 1, so only the −log D(x) term counts: small, because D is nearly right.",
                             "fr": "L'étiquette vaut 1, donc seul le terme −log D(x) compte : petit, car D a presque raison."},
    "learn.minimax_q2": {"en": "Why do most GANs train G to maximise log D(G(z)) rather than minimise log(1 − D(G(z)))?",
                         "fr": "Pourquoi la plupart des GAN entraînent-ils G à maximiser log D(G(z)) plutôt qu'à minimiser log(1 − D(G(z))) ?"},
    "learn.minimax_q2_a": {"en": "it is cheaper to compute", "fr": "c'est moins coûteux à calculer"},
    "learn.minimax_q2_b": {"en": "same goal, but strong gradients while D easily rejects the fakes", "fr": "même but, mais des gradients forts tant que D rejette facilement les faux"},
    "learn.minimax_q2_c": {"en": "it prevents mode collapse", "fr": "cela empêche l'effondrement de modes"},
    "learn.minimax_q2_why": {"en": "log(1 − D) is flat near D = 0, where an early G lives: its gradient vanishes. The "
                                   "chart on Home and the Playground's saturation experiment show it.",
                             "fr": "log(1 − D) est plat près de D = 0, là où se trouve un G débutant : son gradient "
                                   "s'annule. La courbe de l'Accueil et l'expérience de saturation du Bac à sable le montrent."},
    "learn.minimax_q3": {"en": "At the game's equilibrium, what does D output?", "fr": "À l'équilibre du jeu, que répond D ?"},
    "learn.minimax_q3_a": {"en": "1 on real data, 0 on fakes", "fr": "1 sur les vraies données, 0 sur les faux"},
    "learn.minimax_q3_b": {"en": "0.5 everywhere", "fr": "0,5 partout"},
    "learn.minimax_q3_c": {"en": "0 everywhere", "fr": "0 partout"},
    "learn.minimax_q3_why": {"en": "When G's distribution equals the data's, nothing tells them apart: the best D can do is 0.5.",
                             "fr": "Quand la distribution de G égale celle des données, rien ne les distingue : D ne peut faire mieux que 0,5."},
    # mode collapse
    "learn.mode_collapse_title": {"en": "Mode collapse", "fr": "L'effondrement de modes"},
    "learn.mode_collapse_text": {
        "en": "G is rewarded for fooling D, not for variety. If a few kinds of output fool D, G can make only those: the "
              "other **modes** of the data (other digits, other blobs) are never produced. D then learns to reject "
              "them, G hops to another few, and the game can circle without covering everything. Symptoms: samples "
              "that look alike, missing classes, the Playground's rings turning grey. Remedies: other losses "
              "(Wasserstein, hinge, least squares), more D steps, lower learning rates, spectral normalisation, "
              "features that let D compare samples within a batch.",
        "fr": "G est récompensé quand il trompe D, pas quand il varie. Si quelques sorties suffisent à tromper D, G peut "
              "ne produire qu'elles : les autres **modes** des données (d'autres chiffres, d'autres taches) ne sortent "
              "jamais. D apprend alors à les rejeter, G saute vers quelques autres, et le jeu peut tourner en rond sans "
              "tout couvrir. Symptômes : des échantillons qui se ressemblent, des classes absentes, les anneaux du Bac à "
              "sable qui restent gris. Remèdes : d'autres pertes (Wasserstein, hinge, moindres carrés), plus de pas de "
              "D, des taux d'apprentissage plus bas, la normalisation spectrale, des mesures qui permettent à D de "
              "comparer les échantillons d'un même lot.",
    },
    "learn.mode_collapse_q1": {"en": "A GAN trained on digits draws beautiful 1s and 7s but no other digit. This is…",
                               "fr": "Un GAN entraîné sur des chiffres dessine de beaux 1 et 7, mais aucun autre chiffre. C'est…"},
    "learn.mode_collapse_q1_a": {"en": "overfitting", "fr": "du surapprentissage"},
    "learn.mode_collapse_q1_b": {"en": "mode collapse", "fr": "un effondrement de modes"},
    "learn.mode_collapse_q1_c": {"en": "vanishing gradients", "fr": "une disparition des gradients"},
    "learn.mode_collapse_q1_why": {"en": "Each digit is a mode of the data; G covers two of ten. The Evaluate page's "
                                         "per-class coverage shows such holes.",
                                   "fr": "Chaque chiffre est un mode des données ; G en couvre deux sur dix. La couverture "
                                         "par classe de la page Évaluer montre ces trous."},
    "learn.mode_collapse_q2": {"en": "On the Playground, which view tells you G has collapsed?",
                               "fr": "Dans le Bac à sable, quelle vue montre que G s'est effondré ?"},
    "learn.mode_collapse_q2_a": {"en": "the generator's loss going down", "fr": "la perte du générateur qui baisse"},
    "learn.mode_collapse_q2_b": {"en": "few modes covered, most rings grey", "fr": "peu de modes couverts, la plupart des anneaux gris"},
    "learn.mode_collapse_q2_c": {"en": "D(x) close to 0.5", "fr": "D(x) proche de 0,5"},
    "learn.mode_collapse_q2_why": {"en": "Losses and D's outputs can look healthy while G holds two modes; only counting "
                                         "the modes reached shows it.",
                                   "fr": "Les pertes et les sorties de D peuvent sembler saines alors que G ne tient que "
                                         "deux modes ; seul le compte des modes atteints le montre."},
    # DCGAN
    "learn.dcgan_title": {"en": "DCGAN's guidelines", "fr": "Les règles du DCGAN"},
    "learn.dcgan_text": {
        "en": "The DCGAN paper (Radford et al., 2015) turned GANs on images from fragile to dependable with a handful "
              "of rules: no pooling, but **strided convolutions** in D and **transposed convolutions** in G to change "
              "size; **batch normalisation** in both networks (except G's output and D's input); no fully connected "
              "hidden layers; **ReLU** in G with **tanh** on its output (images scaled to [−1, 1]); **LeakyReLU** in "
              "D; Adam with a learning rate of 0.0002 and β1 = 0.5. The Train page's DCGAN follows them.",
        "fr": "L'article DCGAN (Radford et al., 2015) a rendu les GAN d'images fiables au lieu de fragiles avec quelques "
              "règles : pas de pooling, mais des **convolutions à pas** dans D et des **convolutions transposées** dans "
              "G pour changer de taille ; la **normalisation par lot** dans les deux réseaux (sauf la sortie de G et "
              "l'entrée de D) ; pas de couches denses cachées ; **ReLU** dans G avec **tanh** en sortie (images "
              "ramenées à [−1, 1]) ; **LeakyReLU** dans D ; Adam avec un taux de 0,0002 et β1 = 0,5. Le DCGAN de la "
              "page Entraîner les suit.",
    },
    "learn.dcgan_q1": {"en": "How does a DCGAN discriminator make its feature maps smaller?",
                       "fr": "Comment le discriminateur d'un DCGAN réduit-il la taille de ses cartes de caractéristiques ?"},
    "learn.dcgan_q1_a": {"en": "max pooling", "fr": "max pooling"},
    "learn.dcgan_q1_b": {"en": "strided convolutions", "fr": "convolutions à pas"},
    "learn.dcgan_q1_c": {"en": "dropout", "fr": "dropout"},
    "learn.dcgan_q1_why": {"en": "A stride of 2 lets the network learn its own down-sampling instead of a fixed max.",
                           "fr": "Un pas de 2 laisse le réseau apprendre son propre sous-échantillonnage au lieu d'un maximum fixe."},
    "learn.dcgan_q2": {"en": "Why does the generator end with tanh?", "fr": "Pourquoi le générateur se termine-t-il par tanh ?"},
    "learn.dcgan_q2_a": {"en": "the training images are scaled to [−1, 1]", "fr": "les images d'entraînement sont ramenées à [−1, 1]"},
    "learn.dcgan_q2_b": {"en": "tanh is faster than other activations", "fr": "tanh est plus rapide que les autres activations"},
    "learn.dcgan_q2_c": {"en": "to output a probability", "fr": "pour produire une probabilité"},
    "learn.dcgan_q2_why": {"en": "G must produce values in the same range as the real images D sees.",
                           "fr": "G doit produire des valeurs dans le même intervalle que les vraies images que voit D."},
    # conditional
    "learn.gen_disc_points": {"en": "Points", "fr": "Points"},
    "learn.gen_disc_noise": {"en": "Overlap of the classes (noise)", "fr": "Chevauchement des classes (bruit)"},
    "learn.gen_disc_seed": {"en": "Seed", "fr": "Graine"},
    "learn.conditional_title": {"en": "Conditional GANs", "fr": "Les GAN conditionnels"},
    "learn.conditional_text": {
        "en": "Give both networks a condition and G learns p(x | y) instead of p(x). A **class** (a digit, a hair "
              "colour) is turned into a vector and fed to G with the noise, and to D with the image, so D judges "
              "whether the *pair* fits: a perfect 3 labelled 7 is a fake. When sampling you pick the class. The "
              "condition can be an **image** too: Pix2Pix turns a label map into a landscape, D judging (map, "
              "picture) pairs.",
        "fr": "Donnez une condition aux deux réseaux, et G apprend p(x | y) au lieu de p(x). Une **classe** (un chiffre, "
              "une couleur de cheveux) devient un vecteur donné à G avec le bruit, et à D avec l'image : D juge si la "
              "*paire* va ensemble, et un 3 parfait étiqueté 7 est un faux. Au moment de générer, vous choisissez la "
              "classe. La condition peut aussi être une **image** : Pix2Pix transforme une carte de régions en "
              "paysage, D jugeant des paires (carte, image).",
    },
    "learn.conditional_q1": {"en": "In a conditional GAN, what does the discriminator see?",
                             "fr": "Dans un GAN conditionnel, que voit le discriminateur ?"},
    "learn.conditional_q1_a": {"en": "only the image", "fr": "seulement l'image"},
    "learn.conditional_q1_b": {"en": "the image and its condition", "fr": "l'image et sa condition"},
    "learn.conditional_q1_c": {"en": "only the label", "fr": "seulement l'étiquette"},
    "learn.conditional_q1_why": {"en": "Without the condition D could not catch a good image with the wrong label, and G "
                                       "would learn to ignore the class.",
                                 "fr": "Sans la condition, D ne pourrait pas repérer une bonne image avec la mauvaise "
                                       "étiquette, et G apprendrait à ignorer la classe."},
    "learn.conditional_q2": {"en": "Pix2Pix is conditioned on…", "fr": "Pix2Pix est conditionné par…"},
    "learn.conditional_q2_a": {"en": "a class number", "fr": "un numéro de classe"},
    "learn.conditional_q2_b": {"en": "an input image", "fr": "une image d'entrée"},
    "learn.conditional_q2_c": {"en": "a sentence", "fr": "une phrase"},
    "learn.conditional_q2_why": {"en": "Its generator translates an image (a label map, edges) into another; the "
                                       "Translate page lets you draw one.",
                                 "fr": "Son générateur traduit une image (carte de régions, contours) en une autre ; la "
                                       "page Traduire vous permet d'en dessiner une."},
    # WGAN
    "learn.wgan_title": {"en": "WGAN and the Lipschitz constraint", "fr": "Le WGAN et la contrainte de Lipschitz"},
    "learn.wgan_text": {
        "en": "The Wasserstein GAN (Arjovsky et al., 2017) replaces D's probability with a **critic's score** (no "
              "sigmoid). The gap between its mean score on real and on fake points estimates the **earth mover's "
              "distance**: the least work needed to move one pile of points onto the other. Unlike BCE, that distance "
              "still slopes when the two piles do not overlap at all, so G always gets a direction. It only holds if "
              "the critic is **1-Lipschitz** (its slope nowhere above 1): the first WGAN clipped the weights, "
              "**WGAN-GP** penalises gradient norms away from 1 on points between real and fake, spectral "
              "normalisation bounds each layer. A critic must be trained nearer its optimum than G: several critic "
              "steps per G step.",
        "fr": "Le GAN de Wasserstein (Arjovsky et al., 2017) remplace la probabilité de D par le **score d'un critique** "
              "(sans sigmoïde). L'écart entre son score moyen sur les vrais et sur les faux points estime la **distance "
              "du terrassier** (earth mover) : le moindre travail pour déplacer un tas de points sur l'autre. "
              "Contrairement à la BCE, cette distance garde une pente même quand les deux tas ne se recouvrent pas du "
              "tout, si bien que G a toujours une direction. Cela ne tient que si le critique est **1-lipschitzien** "
              "(sa pente ne dépasse 1 nulle part) : le premier WGAN écrêtait les poids, **WGAN-GP** pénalise les normes "
              "de gradient éloignées de 1 sur des points entre vrais et faux, la normalisation spectrale borne chaque "
              "couche. Un critique doit être entraîné plus près de son optimum que G : plusieurs pas du critique par "
              "pas de G.",
    },
    "learn.wgan_q1": {"en": "Why has a WGAN critic no sigmoid on its output?", "fr": "Pourquoi un critique WGAN n'a-t-il pas de sigmoïde en sortie ?"},
    "learn.wgan_q1_a": {"en": "it gives a score whose differences estimate a distance, not a probability",
                        "fr": "il donne un score dont les écarts estiment une distance, pas une probabilité"},
    "learn.wgan_q1_b": {"en": "sigmoids are too slow", "fr": "les sigmoïdes sont trop lentes"},
    "learn.wgan_q1_c": {"en": "to make mode collapse impossible", "fr": "pour rendre l'effondrement de modes impossible"},
    "learn.wgan_q1_why": {"en": "A sigmoid would squash the score and bring back flat regions with no gradient.",
                          "fr": "Une sigmoïde écraserait le score et ramènerait des zones plates sans gradient."},
    "learn.wgan_q2": {"en": "What does WGAN-GP's gradient penalty ask of the critic?", "fr": "Que demande au critique la pénalité de gradient de WGAN-GP ?"},
    "learn.wgan_q2_a": {"en": "weights between −0.01 and 0.01", "fr": "des poids entre −0,01 et 0,01"},
    "learn.wgan_q2_b": {"en": "a gradient norm near 1 between real and fake points", "fr": "une norme de gradient proche de 1 entre vrais et faux points"},
    "learn.wgan_q2_c": {"en": "a learning rate below 0.0001", "fr": "un taux d'apprentissage sous 0,0001"},
    "learn.wgan_q2_why": {"en": "That is the 1-Lipschitz condition, checked where it matters. (Clipping the weights was "
                                "the original WGAN's cruder way.) On the Playground, pick WGAN-GP and watch the "
                                "critic's score map.",
                          "fr": "C'est la condition 1-lipschitzienne, vérifiée là où elle compte. (Écrêter les poids "
                                "était la façon plus grossière du premier WGAN.) Dans le Bac à sable, prenez WGAN-GP et "
                                "regardez la carte des scores du critique."},
    # evaluation
    "learn.evaluation_title": {"en": "Measuring a GAN: IS and FID", "fr": "Mesurer un GAN : IS et FID"},
    "learn.evaluation_text": {
        "en": "A GAN's losses do not say how good its images are, so a fixed classifier judges them. The **Inception "
              "Score** (higher is better) rewards images the classifier is sure about (quality) whose classes are "
              "spread evenly (variety); it never looks at real data. The **Fréchet Inception Distance** (lower is "
              "better) compares the mean and covariance of the classifier's features on real and generated images: "
              "it notices both poor images and missing variety. Both depend on the feature extractor and on the number "
              "of samples: compare only numbers measured the same way.",
        "fr": "Les pertes d'un GAN ne disent pas si ses images sont bonnes : un classifieur fixe les juge donc. "
              "L'**Inception Score** (plus haut, c'est mieux) récompense des images dont le classifieur est sûr "
              "(qualité) et dont les classes sont bien réparties (variété) ; il ne regarde jamais les vraies données. "
              "La **distance de Fréchet Inception** (plus bas, c'est mieux) compare la moyenne et la covariance des "
              "caractéristiques du classifieur sur des images réelles et générées : elle voit à la fois les images "
              "médiocres et le manque de variété. Les deux dépendent de l'extracteur et du nombre d'échantillons : ne "
              "comparez que des nombres mesurés de la même façon.",
    },
    "learn.evaluation_q1": {"en": "A lower FID means…", "fr": "Un FID plus bas signifie…"},
    "learn.evaluation_q1_a": {"en": "generated features closer to real ones", "fr": "des caractéristiques générées plus proches des réelles"},
    "learn.evaluation_q1_b": {"en": "a more confident classifier", "fr": "un classifieur plus sûr de lui"},
    "learn.evaluation_q1_c": {"en": "a faster generator", "fr": "un générateur plus rapide"},
    "learn.evaluation_q1_why": {"en": "FID is a distance between two Gaussians fitted to real and generated features: 0 would be identical statistics.",
                                "fr": "Le FID est une distance entre deux gaussiennes ajustées aux caractéristiques réelles et générées : 0 voudrait dire des statistiques identiques."},
    "learn.evaluation_q2": {"en": "A generator always draws the same perfect image of each class. Which score can still look good?",
                            "fr": "Un générateur dessine toujours la même image parfaite de chaque classe. Quel score peut encore sembler bon ?"},
    "learn.evaluation_q2_a": {"en": "the Inception Score", "fr": "l'Inception Score"},
    "learn.evaluation_q2_b": {"en": "FID", "fr": "le FID"},
    "learn.evaluation_q2_c": {"en": "neither", "fr": "aucun des deux"},
    "learn.evaluation_q2_why": {"en": "IS only asks for sure predictions spread over the classes; it never sees the lack of "
                                      "variety within a class, which FID's covariance does.",
                                "fr": "L'IS demande seulement des prédictions sûres réparties sur les classes ; il ne voit "
                                      "pas le manque de variété au sein d'une classe, que la covariance du FID repère."},
    # tips
    "learn.tips_title": {"en": "Practical training tips", "fr": "Conseils pratiques d'entraînement"},
    "learn.tips_text": {
        "en": "- **Data**: scale images to [−1, 1] to match G's tanh; start with a small, uniform data set.\n"
              "- **Architecture**: strided convolutions, LeakyReLU in D, a normalisation (batch, spectral); not too "
              "deep at first.\n"
              "- **Optimiser**: Adam with β1 = 0.5 and a small learning rate (0.0002); D and G steps 1:1, more D "
              "steps for a Wasserstein critic.\n"
              "- **Watch**: samples on fixed noise, not only the losses; D(x) and D(G(z)) staying near 1 and 0 means D "
              "has won (lower its learning rate, add instance noise or label smoothing); gradient norms exploding or "
              "vanishing; keep checkpoints so a collapse costs nothing.",
        "fr": "- **Données** : ramenez les images à [−1, 1] pour coller au tanh de G ; commencez par un petit jeu "
              "homogène.\n"
              "- **Architecture** : convolutions à pas, LeakyReLU dans D, une normalisation (par lot, spectrale) ; pas "
              "trop profond au début.\n"
              "- **Optimiseur** : Adam avec β1 = 0,5 et un petit taux d'apprentissage (0,0002) ; pas de D et de G à "
              "1:1, davantage de pas de D pour un critique de Wasserstein.\n"
              "- **Surveillez** : les échantillons sur un bruit fixe, pas seulement les pertes ; D(x) et D(G(z)) "
              "bloqués près de 1 et de 0 signifient que D a gagné (baissez son taux, ajoutez du bruit d'instance ou du "
              "lissage d'étiquettes) ; des normes de gradient qui explosent ou s'annulent ; gardez des points de "
              "sauvegarde pour qu'un effondrement ne coûte rien.",
    },
    "learn.tips_q1": {"en": "For a long time D(x) ≈ 1 and D(G(z)) ≈ 0. What is happening?",
                      "fr": "Pendant longtemps, D(x) ≈ 1 et D(G(z)) ≈ 0. Que se passe-t-il ?"},
    "learn.tips_q1_a": {"en": "G has won", "fr": "G a gagné"},
    "learn.tips_q1_b": {"en": "D has won, and G gets little to learn from", "fr": "D a gagné, et G n'a plus grand-chose pour apprendre"},
    "learn.tips_q1_c": {"en": "training has converged", "fr": "l'entraînement a convergé"},
    "learn.tips_q1_why": {"en": "D tells every fake apart; convergence would be 0.5 for both. Lower D's learning rate or "
                                "add instance noise.",
                          "fr": "D repère chaque faux ; la convergence, ce serait 0,5 pour les deux. Baissez le taux de "
                                "D ou ajoutez du bruit d'instance."},
    "learn.tips_q2": {"en": "“Both losses go down, so the samples are getting better.” True?",
                      "fr": "« Les deux pertes baissent, donc les échantillons s'améliorent. » Vrai ?"},
    "learn.tips_q2_a": {"en": "true", "fr": "vrai"},
    "learn.tips_q2_b": {"en": "not necessarily: look at the samples and at a metric", "fr": "pas forcément : regardez les échantillons et une mesure"},
    "learn.tips_q2_c": {"en": "false: the losses must go up", "fr": "faux : les pertes doivent monter"},
    "learn.tips_q2_why": {"en": "The two losses pull against each other: each says how one player does against the other "
                                "of the moment, not how good the samples are.",
                          "fr": "Les deux pertes tirent l'une contre l'autre : chacune dit comment un joueur s'en sort "
                                "face à l'autre du moment, pas si les échantillons sont bons."},
    "learn.translation_title": {"en": "Image-to-image translation: Pix2Pix and CycleGAN",
                                "fr": "Traduction d'image à image : Pix2Pix et CycleGAN"},
    "learn.translation_text": {
        "en": "Here the condition is a whole picture and the answer is another picture of the same scene. **Pix2Pix** "
              "needs **pairs** (each label map with the very photo it describes). Its generator is a **U-Net**: it "
              "squeezes the input down and builds the output back up, and skip connections carry the fine detail "
              "across at each size, so borders stay where they were. Its discriminator, a **PatchGAN**, judges small "
              "patches of the (input, output) pair, which asks for believable texture everywhere; an **L1 term** "
              "keeps the colours and layout close to the real target. **CycleGAN** does without pairs: two "
              "generators (A to B, B to A) and two discriminators, plus **cycle consistency**, going A to B and back "
              "must return the original, which forces the translation to keep the content and change only the style.",
        "fr": "Ici, la condition est une image entière et la réponse une autre image de la même scène. **Pix2Pix** "
              "a besoin de **paires** (chaque carte de régions avec la photo exacte qu'elle décrit). Son générateur "
              "est un **U-Net** : il comprime l'entrée puis reconstruit la sortie, et les connexions de saut "
              "transmettent le détail fin à chaque taille, si bien que les contours restent en place. Son "
              "discriminateur, un **PatchGAN**, juge de petits morceaux de la paire (entrée, sortie), ce qui exige une "
              "texture crédible partout ; un **terme L1** garde couleurs et disposition proches de la vraie cible. "
              "**CycleGAN** se passe de paires : deux générateurs (A vers B, B vers A) et deux discriminateurs, plus la "
              "**cohérence de cycle** : aller de A à B puis revenir doit rendre l'original, ce qui oblige la traduction "
              "à garder le contenu et à ne changer que le style.",
    },
    "learn.translation_q1": {"en": "You have 5,000 photos of horses and 5,000 of zebras, never of the same scene. Which "
                                   "model can learn horse to zebra?",
                             "fr": "Vous avez 5 000 photos de chevaux et 5 000 de zèbres, jamais de la même scène. Quel "
                                   "modèle peut apprendre cheval vers zèbre ?"},
    "learn.translation_q1_a": {"en": "Pix2Pix", "fr": "Pix2Pix"},
    "learn.translation_q1_b": {"en": "CycleGAN", "fr": "CycleGAN"},
    "learn.translation_q1_c": {"en": "neither: a translation needs pairs", "fr": "aucun : une traduction exige des paires"},
    "learn.translation_q1_why": {"en": "There is no right zebra for any given horse photo, so Pix2Pix has no target. "
                                       "CycleGAN needs only two piles of pictures; the way back keeps the scene.",
                                 "fr": "Il n'existe pas de bon zèbre pour une photo de cheval donnée : Pix2Pix n'a pas de "
                                       "cible. CycleGAN n'a besoin que de deux tas d'images ; le retour garde la scène."},
    "learn.translation_q2": {"en": "Why does Pix2Pix add an L1 term to its adversarial loss?",
                             "fr": "Pourquoi Pix2Pix ajoute-t-il un terme L1 à sa perte adverse ?"},
    "learn.translation_q2_a": {"en": "to keep the output close to the real target's colours and layout",
                               "fr": "pour garder la sortie proche des couleurs et de la disposition de la vraie cible"},
    "learn.translation_q2_b": {"en": "to make the output sharper", "fr": "pour rendre la sortie plus nette"},
    "learn.translation_q2_c": {"en": "to train faster", "fr": "pour s'entraîner plus vite"},
    "learn.translation_q2_why": {"en": "The discriminator alone accepts any realistic scene that fits the input; L1 pulls "
                                       "towards the one in the data. Alone, L1 would blur: sharpness comes from the "
                                       "adversarial term.",
                                 "fr": "Le discriminateur seul accepte n'importe quelle scène réaliste qui va avec "
                                       "l'entrée ; L1 tire vers celle des données. Seul, L1 rendrait flou : la netteté "
                                       "vient du terme adverse."},
    "learn.translation_q3": {"en": "What do a U-Net's skip connections do?", "fr": "À quoi servent les connexions de saut d'un U-Net ?"},
    "learn.translation_q3_a": {"en": "they skip training steps to save time",
                               "fr": "elles sautent des pas d'entraînement pour gagner du temps"},
    "learn.translation_q3_b": {"en": "they carry fine detail from the way down to the way up, size by size",
                               "fr": "elles passent le détail fin de la descente à la remontée, taille par taille"},
    "learn.translation_q3_c": {"en": "they connect the generator to the discriminator",
                               "fr": "elles relient le générateur au discriminateur"},
    "learn.translation_q3_why": {"en": "The bottleneck keeps what the scene is, not exactly where each edge lies; the skips "
                                       "hand the positions across, so a drawn border stays a border.",
                                 "fr": "Le goulot garde ce qu'est la scène, pas la place exacte de chaque contour ; les "
                                       "sauts transmettent les positions, si bien qu'une frontière dessinée reste une "
                                       "frontière."},
    "learn.sr_losses_title": {"en": "Super-resolution: pixel, perceptual and adversarial losses",
                              "fr": "Super-résolution : pertes sur les pixels, perceptuelle et adverse"},
    "learn.sr_losses_text": {
        "en": "Enlarging a photo x4 means inventing 15 pixels out of every 16, and many sharp photos shrink to the very "
              "same small one. A **pixel loss** (L1 or mean squared error against the original) rewards the best guess "
              "*on average*, which is the blurry mean of all those photos: smooth, faithful, a little soft. A "
              "**perceptual loss** compares what a trained network sees in the two images (its features: VGG's, or "
              "here by default the discriminator's own) rather than their pixels, so textures count. An "
              "**adversarial loss** (SRGAN, ESRGAN) adds a discriminator that asks whether the result looks like a "
              "real high-resolution photo: it picks one sharp, plausible answer. That detail is **invented**: it "
              "looks right, but it is not evidence of what the scene held.",
        "fr": "Agrandir une photo x4, c'est inventer 15 pixels sur 16, et beaucoup de photos nettes se réduisent à la "
              "même petite image. Une **perte sur les pixels** (L1 ou erreur quadratique face à l'original) "
              "récompense la meilleure réponse *en moyenne*, c'est-à-dire la moyenne floue de toutes ces photos : "
              "lisse, fidèle, un peu molle. Une **perte perceptuelle** compare ce qu'un réseau entraîné voit dans les "
              "deux images (ses caractéristiques : celles de VGG, ou ici par défaut celles du discriminateur lui-même) "
              "plutôt que leurs pixels : les textures comptent. Une **perte adverse** (SRGAN, ESRGAN) ajoute un "
              "discriminateur qui se demande si le résultat ressemble à une vraie photo haute résolution : elle choisit "
              "une réponse nette et plausible. Ce détail est **inventé** : il a l'air juste, mais ne prouve rien de "
              "ce que contenait la scène.",
    },
    "learn.sr_losses_q1": {"en": "A model trained with a pixel loss only (mean squared error) enlarges a photo. Its result is…",
                           "fr": "Un modèle entraîné avec une seule perte sur les pixels (erreur quadratique) agrandit une "
                                 "photo. Son résultat est…"},
    "learn.sr_losses_q1_a": {"en": "sharp, with invented texture", "fr": "net, avec une texture inventée"},
    "learn.sr_losses_q1_b": {"en": "smooth, close to the original on average", "fr": "lisse, proche de l'original en moyenne"},
    "learn.sr_losses_q1_c": {"en": "exactly the original", "fr": "exactement l'original"},
    "learn.sr_losses_q1_why": {"en": "Among all the sharp photos that fit the small one, the error is lowest on their "
                                     "average, and an average of sharp photos is blurry.",
                               "fr": "Parmi toutes les photos nettes qui collent à la petite image, l'erreur est la plus "
                                     "faible sur leur moyenne, et une moyenne de photos nettes est floue."},
    "learn.sr_losses_q2": {"en": "The GAN model shows single hairs that the bicubic enlargement does not. Were they in "
                                 "the original?",
                           "fr": "Le modèle GAN montre des cheveux un à un que l'agrandissement bicubique ne montre pas. "
                                 "Étaient-ils dans l'original ?"},
    "learn.sr_losses_q2_a": {"en": "yes: it recovered them", "fr": "oui : il les a retrouvés"},
    "learn.sr_losses_q2_b": {"en": "not necessarily: it drew plausible ones", "fr": "pas forcément : il en a dessiné de plausibles"},
    "learn.sr_losses_q2_c": {"en": "only at x2", "fr": "seulement en x2"},
    "learn.sr_losses_q2_why": {"en": "The small image no longer holds them; the generator adds what photos like it "
                                     "usually contain. Never read such detail as evidence (a licence plate, a face).",
                               "fr": "La petite image ne les contient plus ; le générateur ajoute ce que contiennent "
                                     "d'habitude les photos semblables. Ne lisez jamais ce détail comme une preuve (une "
                                     "plaque, un visage)."},
    "learn.sr_losses_q3": {"en": "What does a perceptual loss compare?", "fr": "Que compare une perte perceptuelle ?"},
    "learn.sr_losses_q3_a": {"en": "the features a trained network finds in each image",
                             "fr": "les caractéristiques qu'un réseau entraîné trouve dans chaque image"},
    "learn.sr_losses_q3_b": {"en": "the pixels' values, one by one", "fr": "les valeurs des pixels, une à une"},
    "learn.sr_losses_q3_c": {"en": "the files' sizes", "fr": "la taille des fichiers"},
    "learn.sr_losses_q3_why": {"en": "Two images can differ in every pixel yet share edges and textures; a network's "
                                     "features see that, so the loss stops punishing a texture shifted by one pixel.",
                               "fr": "Deux images peuvent différer en chaque pixel mais partager contours et textures ; "
                                     "les caractéristiques d'un réseau le voient, et la perte cesse de punir une texture "
                                     "décalée d'un pixel."},
    "learn.perception_distortion_title": {"en": "The perception–distortion trade-off",
                                          "fr": "Le compromis perception–distorsion"},
    "learn.perception_distortion_text": {
        "en": "Two questions about an enlargement. **Distortion**: how far is it from the original, pixel by pixel "
              "(PSNR, SSIM)? **Perception**: does it look like a real photo (here, the detail ratio; in research, "
              "people's votes or a no-reference score)? Blau and Michaeli (2018) proved that past a point no method can "
              "improve one without losing on the other: the best average guess is blurry, and a realistic guess "
              "commits to details that are often wrong. Bicubic is poor on both; the pixel-loss model sits at the "
              "low-distortion end, the GAN at the realistic end, and the weight of the adversarial term moves a model "
              "along the line between them. Which end is better depends on the use.",
        "fr": "Deux questions sur un agrandissement. **Distorsion** : à quelle distance de l'original est-il, pixel par "
              "pixel (PSNR, SSIM) ? **Perception** : ressemble-t-il à une vraie photo (ici, le taux de détail ; en "
              "recherche, des votes humains ou un score sans référence) ? Blau et Michaeli (2018) ont montré qu'au-delà "
              "d'un point aucune méthode ne peut améliorer l'un sans perdre sur l'autre : la meilleure réponse moyenne "
              "est floue, et une réponse réaliste s'engage sur des détails souvent faux. Le bicubique est médiocre sur "
              "les deux ; le modèle entraîné sur les pixels se place du côté de la faible distorsion, le GAN du côté "
              "réaliste, et le poids du terme adverse déplace un modèle sur la ligne entre les deux. Le meilleur côté "
              "dépend de l'usage.",
    },
    "learn.perception_distortion_q1": {
        "en": "Model A: PSNR 28 dB, looks soft. Model B: PSNR 26 dB, looks like a real photo. Which is better?",
        "fr": "Modèle A : PSNR 28 dB, un peu mou. Modèle B : PSNR 26 dB, on dirait une vraie photo. Lequel est le meilleur ?"},
    "learn.perception_distortion_q1_a": {"en": "A: its PSNR is higher", "fr": "A : son PSNR est plus élevé"},
    "learn.perception_distortion_q1_b": {"en": "B: it looks better", "fr": "B : il est plus beau"},
    "learn.perception_distortion_q1_c": {"en": "it depends on the use: faithful (A) or realistic (B)",
                                         "fr": "cela dépend de l'usage : fidèle (A) ou réaliste (B)"},
    "learn.perception_distortion_q1_why": {"en": "They sit at two ends of the same trade-off; neither beats the other on "
                                                 "both axes.",
                                           "fr": "Ils sont aux deux bouts du même compromis ; aucun ne bat l'autre sur les "
                                                 "deux axes."},
    "learn.perception_distortion_q2": {"en": "Why can no model be best at both PSNR and realism?",
                                       "fr": "Pourquoi aucun modèle ne peut-il être le meilleur à la fois en PSNR et en réalisme ?"},
    "learn.perception_distortion_q2_a": {"en": "today's networks are too small", "fr": "les réseaux actuels sont trop petits"},
    "learn.perception_distortion_q2_b": {"en": "the closest guess on average is blurry, and a sharp guess is often wrong "
                                               "in its details",
                                         "fr": "la réponse la plus proche en moyenne est floue, et une réponse nette se "
                                               "trompe souvent dans ses détails"},
    "learn.perception_distortion_q2_c": {"en": "PSNR is badly computed", "fr": "le PSNR est mal calculé"},
    "learn.perception_distortion_q2_why": {"en": "It is a property of the problem, not of the networks: the missing "
                                                 "information is gone, so a model must either average the possibilities "
                                                 "or pick one.",
                                           "fr": "C'est une propriété du problème, pas des réseaux : l'information "
                                                 "manquante a disparu, un modèle doit donc soit faire la moyenne des "
                                                 "possibles, soit en choisir un."},
    "learn.perception_distortion_q3": {"en": "A hospital wants to enlarge scans that doctors will read. What should it use?",
                                       "fr": "Un hôpital veut agrandir des examens que liront des médecins. Que doit-il utiliser ?"},
    "learn.perception_distortion_q3_a": {"en": "the GAN model: its images are the sharpest",
                                         "fr": "le modèle GAN : ses images sont les plus nettes"},
    "learn.perception_distortion_q3_b": {"en": "the pixel-loss model, or no enlargement at all",
                                         "fr": "le modèle entraîné sur les pixels, ou aucun agrandissement"},
    "learn.perception_distortion_q3_c": {"en": "either: they are equivalent", "fr": "l'un ou l'autre : ils se valent"},
    "learn.perception_distortion_q3_why": {"en": "A detail the GAN invents could be read as a finding. Where the pixels "
                                                 "are evidence, stay at the low-distortion end.",
                                           "fr": "Un détail inventé par le GAN pourrait être lu comme une découverte. Quand "
                                                 "les pixels font preuve, restez du côté de la faible distorsion."},
    "learn.col_idea": {"en": "Idea", "fr": "Idée"},
    "learn.col_where": {"en": "Where to see it", "fr": "Où la voir"},
    "learn.ethics_title": {"en": "Ethics: deepfakes, provenance, detection, bias",
                           "fr": "Éthique : deepfakes, provenance, détection, biais"},
    "learn.ethics_text": {
        "en": "- **Deepfakes and consent.** The same method that draws a face nobody has makes a convincing picture of a "
              "real person from their photos. Whoever appears in training data or in a generated image should have "
              "agreed to it and to its use, and be able to withdraw.\n"
              "- **Provenance and watermarks.** A label written beside the pixels (GAN Studio puts the model and the "
              "seed in every PNG it saves) is honest but fragile: a screenshot or a re-save drops it, so a missing "
              "label proves nothing. A watermark hides a mark in the pixels themselves, harder to remove but not "
              "impossible; signed content credentials (C2PA) record who made an image and how.\n"
              "- **Detection's limits.** A detector learns the traces of the generators it was shown: it guesses on "
              "others, falls towards a coin toss after blurring, shrinking or JPEG, and can accuse a real photo. It is "
              "one clue, never a verdict, in a race each new generator resets.\n"
              "- **Bias in data and generators.** A generator copies the proportions of its data and often sharpens "
              "them: a rare group becomes rarer or vanishes (mode collapse), so the pictures say who counts.",
        "fr": "- **Deepfakes et consentement.** La méthode qui dessine un visage qui n'existe pas fabrique aussi, à partir "
              "de ses photos, une image convaincante d'une personne réelle. Quiconque figure dans des données "
              "d'entraînement ou dans une image générée devrait l'avoir accepté, ainsi que l'usage qui en est fait, et "
              "pouvoir se retirer.\n"
              "- **Provenance et filigranes.** Une étiquette écrite à côté des pixels (GAN Studio inscrit le modèle et la "
              "graine dans chaque PNG qu'il enregistre) est honnête mais fragile : une capture d'écran ou un nouvel "
              "enregistrement l'efface, et son absence ne prouve donc rien. Un filigrane cache une marque dans les "
              "pixels eux-mêmes, plus difficile à ôter mais pas impossible ; des attestations signées (C2PA) "
              "consignent qui a fait une image et comment.\n"
              "- **Les limites de la détection.** Un détecteur apprend les traces des générateurs qu'on lui a montrés : "
              "il devine sur les autres, tombe vers pile ou face après un flou, une réduction ou un JPEG, et peut "
              "accuser une vraie photo. C'est un indice, jamais un verdict, dans une course que chaque nouveau "
              "générateur relance.\n"
              "- **Biais des données et des générateurs.** Un générateur copie les proportions de ses données et les "
              "accentue souvent : un groupe rare devient plus rare encore ou disparaît (effondrement de modes), et les "
              "images disent alors qui compte.",
    },
    "learn.ethics_idea_deepfakes": {"en": "Deepfakes and consent", "fr": "Deepfakes et consentement"},
    "learn.ethics_idea_provenance": {"en": "Provenance: what a file says about itself, and what a re-save loses",
                                     "fr": "Provenance : ce qu'un fichier dit de lui-même, et ce qu'un nouvel enregistrement efface"},
    "learn.ethics_idea_detection": {"en": "Detection and where it fails", "fr": "La détection et ses échecs"},
    "learn.ethics_idea_bias": {"en": "Bias: class shares of samples against the data",
                               "fr": "Biais : parts des classes dans les échantillons face aux données"},
    "learn.ethics_q1": {"en": "A PNG saved by GAN Studio names its model and seed. Someone shares a screenshot of it. "
                              "What is left of that provenance?",
                        "fr": "Un PNG enregistré par GAN Studio nomme son modèle et sa graine. Quelqu'un en partage une "
                              "capture d'écran. Que reste-t-il de cette provenance ?"},
    "learn.ethics_q1_a": {"en": "all of it", "fr": "tout"},
    "learn.ethics_q1_b": {"en": "nothing", "fr": "rien"},
    "learn.ethics_q1_c": {"en": "a watermark", "fr": "un filigrane"},
    "learn.ethics_q1_why": {"en": "The label lives beside the pixels, and a screenshot copies only the pixels. That is "
                                  "why an image without a label proves nothing, and why watermarks go into the pixels.",
                            "fr": "L'étiquette vit à côté des pixels, et une capture ne copie que les pixels. C'est pourquoi "
                                  "une image sans étiquette ne prouve rien, et pourquoi les filigranes vont dans les pixels."},
    "learn.ethics_q2": {"en": "A detector says “real, 95 %” about a photo found online. What can you conclude?",
                        "fr": "Un détecteur dit « réelle, 95 % » d'une photo trouvée en ligne. Que pouvez-vous en conclure ?"},
    "learn.ethics_q2_a": {"en": "the photo is real", "fr": "la photo est réelle"},
    "learn.ethics_q2_b": {"en": "the photo is generated", "fr": "la photo est générée"},
    "learn.ethics_q2_c": {"en": "not much on its own", "fr": "pas grand-chose à lui seul"},
    "learn.ethics_q2_why": {"en": "The photo may come from a generator it never saw, or have been compressed or shrunk, "
                                  "which it handles badly (see the Robustness tab). Combine clues: source, provenance, "
                                  "context.",
                            "fr": "La photo peut venir d'un générateur qu'il n'a jamais vu, ou avoir été compressée ou "
                                  "réduite, ce qu'il gère mal (voir l'onglet Robustesse). Croisez les indices : source, "
                                  "provenance, contexte."},
    "learn.ethics_q3": {"en": "A face generator learns from photos where one group makes up 5 % of the faces. What do you "
                              "expect in its samples?",
                        "fr": "Un générateur de visages apprend sur des photos où un groupe représente 5 % des visages. "
                              "Qu'attendez-vous dans ses échantillons ?"},
    "learn.ethics_q3_a": {"en": "exactly 5 %", "fr": "exactement 5 %"},
    "learn.ethics_q3_b": {"en": "often less, sometimes almost none", "fr": "souvent moins, parfois presque aucun"},
    "learn.ethics_q3_c": {"en": "more than 5 %", "fr": "plus de 5 %"},
    "learn.ethics_q3_why": {"en": "Rare modes are the first a generator drops; measure the shares of its samples against "
                                  "the data's, as the Bias and representation tab does.",
                            "fr": "Les modes rares sont les premiers qu'un générateur abandonne ; mesurez les parts de "
                                  "ses échantillons face à celles des données, comme l'onglet Biais et représentation."},
    "learn.ethics_q4": {"en": "Making a realistic picture of a classmate with a model trained on their photos is "
                              "acceptable when…",
                        "fr": "Fabriquer une image réaliste d'un camarade avec un modèle entraîné sur ses photos est "
                              "acceptable quand…"},
    "learn.ethics_q4_a": {"en": "it is only a joke", "fr": "c'est juste pour rire"},
    "learn.ethics_q4_b": {"en": "they agreed to it and to its use, and can withdraw",
                          "fr": "il l'a accepté, ainsi que l'usage prévu, et peut se retirer"},
    "learn.ethics_q4_c": {"en": "the image carries a watermark", "fr": "l'image porte un filigrane"},
    "learn.ethics_q4_why": {"en": "A joke can still humiliate or deceive, and a watermark says how an image was made, not "
                                  "that its subject agreed.",
                            "fr": "Une plaisanterie peut humilier ou tromper, et un filigrane dit comment une image a été "
                                  "faite, pas que la personne représentée était d'accord."},
    "error.cap_steps": {"en": "this server allows at most {max:,} steps per run (got {got:,})",
                        "fr": "ce serveur permet au plus {max:,} pas par entraînement (demandé : {got:,})"},
    "error.cap_time": {"en": "this server allows at most {max:g} s per run (got {got:g} s)",
                       "fr": "ce serveur permet au plus {max:g} s par entraînement (demandé : {got:g} s)"},
    "error.queue_owner": {"en": "you already have {n} jobs waiting; stop one or wait for it to start",
                          "fr": "vous avez déjà {n} entraînements en attente ; arrêtez-en un ou attendez qu'il démarre"},
    "error.tasks_owner": {"en": "you already have {n} tasks waiting; wait for one to start",
                          "fr": "vous avez déjà {n} calculs en attente ; attendez que l'un d'eux démarre"},
    "error.queue_full": {"en": "the server's queue is full; try again in a few minutes",
                         "fr": "la file d'attente du serveur est pleine ; réessayez dans quelques minutes"},
    "error.shutting_down": {"en": "the server is shutting down; try again in a moment",
                            "fr": "le serveur s'arrête ; réessayez dans un instant"},
    "error.run_active": {"en": "this run is still going: stop it first",
                         "fr": "cet entraînement tourne encore : arrêtez-le d'abord"},
    "error.no_resume_state": {"en": "this run ended before it saved any resume state: start it again",
                              "fr": "cet entraînement s'est arrêté avant d'enregistrer de quoi reprendre : relancez-le"},
    "error.more_steps": {"en": "give it more than the {done:,} steps it has done (got {got:,})",
                         "fr": "donnez-lui plus que les {done:,} pas déjà faits (demandé : {got:,})"},
    "error.more_budget": {"en": "give it more steps or more time to continue",
                          "fr": "donnez-lui plus de pas ou plus de temps pour continuer"},
}
