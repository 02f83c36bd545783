"""Answer fragments for the held-out set: other phrasings, other openings, other general remarks.

None of these sentences occurs in templates_train.py; they measure how well coding generalises.
"""

FRAGMENTS = [
    # wachttijd en snelheid
    (("wachttijd",), "neg", "eerst {tijd} niks gehoord, toen pas een intake"),
    (("wachttijd",), "neg", "het startte allemaal erg traag"),
    (("wachttijd",), "neg", "zo lang in onzekerheid gezeten voordat er iemand kwam"),
    (("wachttijd",), "neg", "de intake liet lang op zich wachten"),
    (("wachttijd",), "pos", "al na {kort} zaten we aan tafel met iemand"),
    (("wachttijd",), "pos", "er werd meteen actie ondernomen"),
    # serieus genomen en bejegening
    (("bejegening",), "pos", "eindelijk iemand die de tijd nam om naar ons verhaal te luisteren"),
    (("bejegening",), "pos", "ik werd behandeld als een gelijkwaardige partner"),
    (("bejegening",), "pos", "{hv} snapte echt wat er in {kind} omging"),
    (("bejegening",), "neg", "ze keken op mij neer omdat ik alleenstaand ben"),
    (("bejegening",), "neg", "mijn mening deed er niet toe"),
    (("bejegening",), "neg", "ik had het gevoel dat ik lastig was"),
    # bereikbaarheid en contact
    (("bereikbaarheid",), "neg", "de voicemail stond altijd aan en er kwam nooit reactie"),
    (("bereikbaarheid",), "neg", "ik hing steeds in de wacht bij het algemene nummer"),
    (("bereikbaarheid",), "pos", "via whatsapp had ik vlot antwoord"),
    (("bereikbaarheid",), "neg", "niemand nam op als ik in paniek belde"),
    (("bereikbaarheid",), "pos", "ik wist altijd wie ik kon bereiken"),
    (("bereikbaarheid",), "neg", "mijn berichten bleven dagen onbeantwoord"),
    # wisselingen van hulpverlener
    (("wisselingen",), "neg", "om de paar maanden zat er weer een ander gezicht tegenover ons"),
    (("wisselingen",), "neg", "{kind} moest telkens weer opnieuw iemand leren vertrouwen"),
    (("wisselingen",), "pos", "een vast aanspreekpunt vanaf het begin tot het eind"),
    (("wisselingen",), "neg", "de ene hulpverlener na de andere vertrok"),
    (("wisselingen",), "neg", "ik ben de tel kwijt hoeveel begeleiders we hebben gehad"),
    # samenwerking tussen hulpverleners
    (("samenwerking",), "neg", "ik moest zelf alle partijen van alles op de hoogte houden"),
    (("samenwerking",), "pos", "de jeugdarts, de mentor en de gezinscoach zaten samen aan tafel"),
    (("samenwerking",), "neg", "elke instantie deed zijn eigen ding"),
    (("samenwerking",), "neg", "er was geen regie, iedereen zat op een eilandje"),
    (("samenwerking",), "pos", "de lijntjes tussen school en de hulpverlening waren kort"),
    # informatie en uitleg
    (("informatie",), "neg", "we tastten volledig in het duister over het plan"),
    (("informatie",), "neg", "pas achteraf hoorde ik wat de bedoeling was"),
    (("informatie",), "pos", "ik snapte elke keer precies waar we stonden"),
    (("informatie",), "neg", "vaag verhaal, geen idee wat er nu gaat gebeuren"),
    (("informatie",), "pos", "ze namen het plan stap voor stap met ons door"),
    # passende hulp
    (("passend",), "neg", "een cursus opvoeden was niet wat wij zochten"),
    (("passend",), "neg", "het aanbod was one size fits all"),
    (("passend",), "pos", "de begeleiding werd helemaal op {kind} afgestemd"),
    (("passend",), "neg", "de behandelaar had geen ervaring met trauma"),
    (("passend",), "neg", "wij hadden iets heel anders nodig dan wat er geboden werd"),
    # resultaat
    (("resultaat",), "pos", "{kind} lacht weer en heeft vriendjes"),
    (("resultaat",), "pos", "de sfeer in huis is echt opgeknapt"),
    (("resultaat",), "neg", "we staan nog steeds op hetzelfde punt als toen we begonnen"),
    (("resultaat",), "pos", "mijn dochter gaat weer met plezier naar school"),
    (("resultaat",), "neg", "al die gesprekken hebben weinig uitgehaald"),
    # regels en bureaucratie
    (("regels",), "neg", "ik verdrink in de administratie"),
    (("regels",), "neg", "het pgb gedoe kost me bakken energie"),
    (("regels",), "neg", "de toegang stelde allerlei eisen voor we in aanmerking kwamen"),
    (("regels",), "pos", "zonder gedoe met papieren konden we beginnen"),
    (("regels",), "neg", "de ene handtekening na de andere"),
    # veiligheid
    (("veiligheid",), "neg", "er werd gepest en geslagen op de groep"),
    (("veiligheid",), "pos", "ik hoef niet meer elke avond in angst te zitten"),
    (("veiligheid",), "neg", "mijn ex kon gewoon weer binnenkomen"),
    (("veiligheid",), "pos", "er is nu rust en niemand wordt meer bedreigd"),
    (("veiligheid",), "neg", "{kind} werd op de groep geintimideerd door oudere jongens"),
    # combinations
    (("wisselingen", "informatie"), "neg", "elke nieuwe begeleider wist weer niet wat er eerder was afgesproken"),
    # new sentences in the words people commonly use
    (("wachttijd",), "neg", "de wachtlijst bij de ggz was bizar lang"),
    (("wachttijd",), "neg", "{tijd} moeten wachten terwijl {kind} niet meer naar school ging"),
    (("wachttijd",), "pos", "snel een eerste afspraak, binnen {kort}"),
    (("bejegening",), "neg", "{hv} luisterde totaal niet en had zijn mening al klaar"),
    (("bejegening",), "pos", "ik heb me altijd gehoord gevoeld door {hv}"),
    (("bejegening",), "neg", "zeer onvriendelijk en zonder enig begrip"),
    (("bereikbaarheid",), "neg", "telefonisch waren ze nooit bereikbaar"),
    (("bereikbaarheid",), "neg", "{hv} beloofde terug te bellen maar deed dat nooit"),
    (("bereikbaarheid",), "pos", "op mijn mailtjes kwam altijd dezelfde dag antwoord"),
    (("wisselingen",), "neg", "we zitten inmiddels aan de {n}e begeleider"),
    (("wisselingen",), "neg", "steeds wisselende gezichten, {kind} haakte daardoor af"),
    (("wisselingen",), "pos", "gelukkig bleef {hv} al die jaren dezelfde"),
    (("samenwerking",), "neg", "de samenwerking tussen het wijkteam en de instelling was ver te zoeken"),
    (("samenwerking",), "neg", "elke hulpverlener wilde iets anders en niemand overlegde"),
    (("samenwerking",), "pos", "school en de begeleider stemden alles goed met elkaar af"),
    (("informatie",), "neg", "de uitleg over de beschikking was voor mij niet te volgen"),
    (("informatie",), "pos", "ik kreeg een duidelijk boekje met informatie"),
    (("informatie",), "neg", "niemand vertelde ons wat we konden verwachten"),
    (("passend",), "neg", "{kind} kreeg hulp die helemaal niet bij hem paste"),
    (("passend",), "pos", "precies de begeleiding die {kind} nodig had"),
    (("passend",), "neg", "de behandeling was niet geschikt voor zijn adhd"),
    (("resultaat",), "pos", "thuis is het een stuk rustiger geworden"),
    (("resultaat",), "neg", "er is na al die tijd niks verbeterd"),
    (("resultaat",), "pos", "{kind} gaat met sprongen vooruit"),
    (("regels",), "neg", "de regels zijn zo ingewikkeld dat je het overzicht kwijtraakt"),
    (("regels",), "neg", "voor elke verlenging weer een nieuwe aanvraag"),
    (("regels",), "neg", "eindeloos formulieren en handtekeningen"),
    (("veiligheid",), "pos", "{kind} voelt zich nu eindelijk veilig"),
    (("veiligheid",), "neg", "er was sprake van huiselijk geweld en er gebeurde niks"),
    (("veiligheid",), "neg", "op de leefgroep was het onveilig voor {kind}"),
]

GENERAL = [
    ("pos", "dikke tien"),
    ("pos", "prima geregeld allemaal"),
    ("pos", "ben er heel blij mee"),
    ("neg", "waardeloos"),
    ("neg", "nooit meer"),
    ("neg", "ik ben er klaar mee"),
    ("neu", "niets aan toe te voegen"),
    ("neu", "-"),
    ("neu", "zie vorige vraag"),
    ("neu", "n.v.t."),
]

PREFIXES = ["Als ouder van een puber:", "Wat mij betreft", "Ik als oma", "Tja,", "Als pleegmoeder denk ik"]

FILLERS = {
    "hv": ["de behandelaar", "onze contactpersoon", "de ambulant hulpverlener", "de begeleider", "de jeugdconsulent"],
    "kind": ["mijn zoon", "mijn dochter", "ons kind", "mijn stiefdochter", "de kleine"],
    "tijd": ["twee maanden", "een half jaar", "zeven weken", "anderhalf jaar", "maanden"],
    "kort": ["drie dagen", "een week", "een paar dagen"],
    "n": ["drie", "7", "vijf"],
}
