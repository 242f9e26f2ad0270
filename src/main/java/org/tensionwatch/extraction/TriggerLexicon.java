package org.tensionwatch.extraction;

import static org.tensionwatch.domain.EventType.APPEAL;
import static org.tensionwatch.domain.EventType.ARREST;
import static org.tensionwatch.domain.EventType.CLASH;
import static org.tensionwatch.domain.EventType.CONDEMNATION;
import static org.tensionwatch.domain.EventType.DEPLOYMENT;
import static org.tensionwatch.domain.EventType.DISMISSAL;
import static org.tensionwatch.domain.EventType.FATALITY;
import static org.tensionwatch.domain.EventType.INJURY;
import static org.tensionwatch.domain.EventType.MILITARY_ALERT;
import static org.tensionwatch.domain.EventType.PROTEST;
import static org.tensionwatch.domain.EventType.RESIGNATION;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.tensionwatch.domain.EventType;
import org.tensionwatch.extraction.InteropTable.Violence;
import org.tensionwatch.extraction.Trigger.Requirement;

/**
 * The trigger words of every event type, with verb and noun forms, and a cheap pre-filter: a sentence is only
 * analysed further when one of its words starts with a trigger's key.
 */
public final class TriggerLexicon {

    private static final int MIN_KEY = 3;
    private static final int MAX_KEY = 12;

    private final List<Trigger> triggers = new ArrayList<>();
    /** Whether some key starts with these three letters: most words are rejected by this one look-up. */
    private final boolean[] prefix3 = new boolean[27 * 27 * 27];
    /** Every prefix of every key, so that the look-up of a word stops as soon as no key can match it. */
    private final java.util.Set<String> keyPrefixes = new java.util.HashSet<>();
    private final Map<String, List<Trigger>> byKey = new HashMap<>();

    /** The lexicon shipped with the extractor. */
    public static TriggerLexicon standard() {
        TriggerLexicon l = new TriggerLexicon();
        // PROTEST
        l.add(PROTEST, "\\bprotest(?:s|ed|ing)?\\b", "protest", Requirement.NONE,
                "(?:\\bin|lodged an?|(?:formal|diplomatic|official|strong|strongly worded)|note of|letter of"
                        + "|(?<!came out |come out |went out |turned out |streets |gathered |marched |rallied )\\bto)\\s*$",
                "^(?:\\s+(?:note|letter|vote|votes))\\b", null, 0.8);
        l.add(PROTEST, "\\bdemonstrat(?:e|es|ed|ing|ion|ions)\\b", "demonstrat", Requirement.NONE,
                "(?<!came out |come out |went out |turned out |streets |gathered )\\bto\\s*$",
                "^\\s+(?:that|of (?:force|strength|power|support|solidarity|resolve|unity|its|their|the)|its|their|his|her"
                        + "|how|what|a |an |the (?:ability|need|importance|capacity|strength|power))", null, 0.8);
        l.add(PROTEST, "\\brall(?:y|ies|ied|ying)\\b", "rall", Requirement.NONE,
                "(?:market|stock|stocks|shares|price|prices|oil|dollar|bond|relief|election|campaign)\\s*$",
                "^\\s+(?:behind|around|support|to (?:support|the defen))", null, 0.75);
        l.add(PROTEST, "\\bmarch(?:ed|es|ing)\\b|\\b(?:a|the|protest|peaceful) march\\b", "march", Requirement.PEOPLE_BEFORE,
                null, "^\\s+(?:on|toward|towards|into) (?:the )?(?:capital|city|front)\\b(?= (?:of|by) (?:troops|forces))",
                null, 0.7);
        l.add(PROTEST, "\\b(?:took|taken|taking|take|poured) (?:to|into) the streets\\b", "streets", Requirement.NONE,
                null, null, null, 0.85);
        l.add(PROTEST, "\\bchant(?:ed|ing) (?:\\w+ )?slogans\\b|\\bunfurled (?:a |their )?(?:\\w+ )?banners?\\b"
                + "|\\bwaved (?:\\w+ )?placards\\b", "chant,unfurled,waved", Requirement.NONE, null, null, null, 0.7);
        l.add(PROTEST, "\\bsit-ins?\\b|\\bhunger strikes?\\b|\\bgeneral strike\\b|\\bwent on strike\\b|\\bwalkouts?\\b",
                "sit,hunger,strike,walkout", Requirement.NONE, null, null, null, 0.7);
        l.add(PROTEST, "\\broad ?blocks?\\b|\\bbarricad(?:e|es|ed|ing)\\b|\\bblockades?\\b|\\bblockaded\\b",
                "road,barri,bloc", Requirement.NONE,
                "(?:naval|military|economic|israeli|maritime|sea|police|army|security)\\s*$|(?:dismantl|remov|clear|lift)\\w*\\s+(?:the\\s+|all\\s+)?$",
                null, null, 0.7);
        l.add(PROTEST, "\\bblock(?:ed|ing|s)? (?:off )?(?:the |a |all |main |several |major |key |two |three )?"
                + "(?:roads?|traffic|highways?|streets?|bridges?|border crossings?|crossings?|entrances?|railways?"
                + "|rail lines?|motorways?|junctions?)\\b", "bloc", Requirement.NONE, null, null, null, 0.75);
        l.add(PROTEST, "\\bgather(?:ed|ing|s)?\\b(?= (?:in|at|outside|near|on|around|in front|to protest|to demonstrate"
                + "|to denounce|to demand|to condemn)\\b)|\\bassembled (?:in|at|outside)\\b", "gather,assembled",
                Requirement.PEOPLE_BEFORE, null, null, null, 0.65);
        l.add(PROTEST, "\\b(?:protesters|protestors|demonstrators|marchers)\\b", "protester,protestor,demonstrator,marcher",
                Requirement.PEOPLE_COUNT, null, null, null, 0.6);
        // CLASH
        l.add(CLASH, "\\bclash(?:es|ed|ing)?\\b", "clash", Requirement.NONE,
                "(?:verbal|diplomatic|political|legal|policy|personality|ideological)\\s*$",
                "^\\s+of (?:views|opinions|interests|cultures|civili[sz]ations|personalities)", Violence.PHYSICAL, 0.85);
        l.add(CLASH, "\\bfought\\b(?= (?:with|against|back|off|running|pitched)\\b)|\\brunning battles?\\b"
                + "|\\bpitched battles?\\b|\\bscuffl(?:e|es|ed|ing)\\b|\\bskirmish(?:es|ed)?\\b|\\bbrawls?\\b"
                + "|\\bmelee\\b|\\bthrew (?:stones|rocks|bottles|petrol bombs|molotov|firecrackers|objects|flares)\\b"
                + "|\\bstone[- ]throwing\\b|\\bpelted\\b|\\bvandali[sz](?:ed|ing)\\b|\\blooting\\b|\\blooted\\b"
                + "|\\bbeat(?:en)? (?:up|with)\\b|\\blynch(?:ed|ing)\\b|\\bstabb(?:ed|ing)\\b|\\bstorm(?:ed|ing)\\b",
                "fought,battle,scuff,skirm,brawl,melee,threw,stone,pelted,vandal,loot,beat,lynch,stabb,storm", Requirement.NONE,
                null, "^\\s+(?:to victory|the charts|out|off|back|of (?:criticism|protest))\\b", Violence.PHYSICAL, 0.8);
        l.add(CLASH, "\\bconfrontations?\\b|\\bassault(?:ed|s)?\\b", "confront,assault", Requirement.PHYSICAL,
                "(?:political|diplomatic|verbal|legal|sexual|direct|military|nuclear)\\s*$", "^\\s+(?:rifles?|weapons?|on (?:democracy|freedom|the press|rights))",
                Violence.PHYSICAL, 0.65);
        l.add(CLASH, "\\battack(?:s|ed|ing)?\\b", "attack", Requirement.PHYSICAL,
                "(?:heart|cyber|panic|asthma|verbal|personal|rhetorical|political|media|legal|word)\\s*$",
                "^\\s+(?:on|against) (?:the )?(?:rights|freedom|democracy|press|media|sovereignty|judiciary|independence"
                        + "|constitution|dialogue|agreement|government's|policy|rule of law)", Violence.PHYSICAL, 0.75);
        // a gathering that became violent: "the march ended in violence", "the protest turned violent"
        l.add(CLASH, "\\b(?:ended|ending|descended|descending|erupted|spiral(?:l)?ed|degenerated|dissolved) (?:in|into) "
                + "(?:\\w+ )?violence\\b|\\bturn(?:ed|ing) violent\\b|\\bviolence (?:broke out|erupted|flared)\\b",
                "ended,ending,descended,descending,erupted,spiraled,spiralled,degenerated,dissolved,turned,turning,violence",
                Requirement.NONE, null, null, Violence.PHYSICAL, 0.75);
        l.add(CLASH, "\\briot(?:s|ed|ing)?\\b|\\brioters\\b", "riot", Requirement.NONE, "(?:anti-)\\s*$",
                "^\\s+(?:police|gear|squad|control|shields?|units?|act|troops|officers|helmets)\\b", Violence.PHYSICAL, 0.8);
        l.add(CLASH, "\\btorch(?:ed|ing)\\b|\\bset (?:on )?fire\\b|\\bset ablaze\\b|\\bset alight\\b|\\barson\\b"
                + "|\\bfirebomb(?:ed|s|ing)?\\b|\\bpetrol bombs?\\b|\\bmolotov\\b|\\bburn(?:ed|t|ing) (?:down )?(?:\\w+ ){0,2}"
                + "(?:cars?|vehicles?|tyres|tires|buildings?|houses?|homes?|shops?|offices?|police stations?|barricades)\\b",
                "torch,fire,ablaze,alight,arson,petrol,molotov,burn", Requirement.NONE, null, null, Violence.PHYSICAL, 0.8);
        l.add(CLASH, "\\btear ?gas\\b|\\bteargas\\b|\\bstun grenades?\\b|\\bflash-?bangs?\\b|\\brubber bullets\\b"
                + "|\\bwater cannons?\\b|\\bpepper spray\\b|\\bbaton charged?\\b", "tear,teargas,stun,flash,rubber,cannon,pepper,baton",
                Requirement.NONE, null, null, Violence.REPRESSION, 0.8);
        l.add(CLASH, "\\bexplosions?\\b|\\bexploded\\b|\\bdetonat(?:ed|ion|ions)\\b|\\bbomb(?:ed|ing|ings)\\b"
                + "|\\bcar bomb\\b|\\bsuicide (?:bomb\\w*|attack\\w*)\\b|\\broadside bomb\\b|\\bimprovised explosive\\b"
                + "|\\b(?:twin|two|three|several|multiple|powerful|huge|massive|deadly|bomb|a|the) blasts?\\b",
                "explo,deton,bomb,suicide,blast", Requirement.NONE,
                "(?:nuclear|test|ski|sand)\\s*$", null, Violence.HEAVY_WEAPONS, 0.8);
        l.add(CLASH, "\\bshell(?:ing|ed)\\b|\\bair ?strikes?\\b|\\bair raids?\\b|\\bdrone (?:strikes?|attacks?)\\b"
                + "|\\bmissile (?:strikes?|attacks?)\\b|\\brocket (?:attacks?|fire)\\b|\\brockets? (?:were )?(?:fired|launched)\\b"
                + "|\\bbombard(?:ed|ment|ments|ing)\\b|\\bartillery (?:fire|strikes?|shells?|barrages?)\\b"
                + "|\\bmortar (?:fire|shells?|rounds?|attacks?)\\b|\\bheavy fighting\\b|\\bfierce fighting\\b"
                + "|\\bfighting (?:broke out|erupted|between|raged|intensified|flared|resumed)\\b",
                "shell,airstrike,strike,raid,attack,rocket,bombard,artiller,mortar,fighting", Requirement.NONE,
                null, null, Violence.HEAVY_WEAPONS, 0.85);
        l.add(CLASH, "\\bopened fire\\b|\\bopen fire\\b|\\bgunfire\\b|\\bgunfights?\\b|\\bgun ?battles?\\b"
                + "|\\bfirefights?\\b|\\bexchange(?:d|s)? (?:of )?fire\\b|\\bshoot-?outs?\\b|\\bshot (?:dead|at|and killed)\\b"
                + "|\\bshooting\\b|\\bambush(?:ed|es)?\\b|\\bfired (?:shots|on|at|into|upon|live)\\b",
                "fire,gunfire,gunfight,battle,shoot,shot,ambush", Requirement.NONE,
                "(?:photo|film|video|movie)\\s*$", "^\\s+(?:of (?:a |the )?(?:film|video|movie))", Violence.FIREARMS, 0.8);
        // INJURY and FATALITY
        l.add(INJURY, "\\binjur(?:ed|ing|ies|y)\\b|\\bwound(?:ed|ing)\\b|\\bhurt\\b|\\bhospitali[sz]ed\\b"
                + "|\\b(?:were|was|had been|have been|being) treated (?:for|in|at|after)\\b",
                "injur,wound,hurt,hospital,treated", Requirement.NONE, "(?:self-|those |these )\\s*$",
                "^\\s+(?:the |its |his |her |their )?(?:economy|economic|relations|ties|feelings|chances|prospects|business"
                        + "|sales|image|reputation|interests|pride|ego)", null, 0.85);
        l.add(INJURY, "\\b(?:needed|needing|need|required|requiring|require|received|receiving|sought|seeking|given)"
                + " (?:urgent |emergency |immediate |first )?(?:medical|hospital) (?:treatment|care|attention)\\b"
                + "|\\b(?:needed|required|received) (?:hospital )?treatment\\b",
                "medical,treatment", Requirement.PERSON, null, null, null, 0.75);
        l.add(FATALITY, "\\bkill(?:ed|ing|ings|s)?\\b|\\bdead\\b|\\bdied\\b|\\bdeaths?\\b|\\bfatalities\\b"
                + "|\\blost (?:their|his|her) lives\\b|\\bslain\\b|\\bmassacred?\\b|\\bdeath toll\\b|\\bmartyr(?:ed|ing)\\b",
                "kill,dead,died,death,fatal,lives,slain,massacre,martyr", Requirement.NONE,
                "(?:sentenced to|condemned to|brain|threat of|threats of|risk of|those|these|such)\\s*$",
                "^(?:-|\\s+(?:penalty|sentence|row|threats?|squads?|end|heat|of (?:the )?(?:agreement|deal|talks|process|plan|idea))\\b"
                        + "|\\s+(?:of|from) (?:natural|cancer|illness|covid|a heart|heart|old age|complications|an illness))",
                null, 0.85);
        // ARREST
        l.add(ARREST, "\\barrest(?:ed|s|ing)?\\b|\\bdetain(?:ed|ing|s)?\\b|\\btaken into custody\\b|\\brounded up\\b"
                + "|\\bapprehended\\b", "arrest,detain,custody,rounded,apprehend", Requirement.NONE, "(?:cardiac|house)\\s*$",
                "^\\s+(?:warrants?)\\b", null, 0.85);
        l.add(ARREST, "\\bcaptured\\b", "captured", Requirement.PERSON, null, null, null, 0.6);
        // RESIGNATION
        l.add(RESIGNATION, "\\bresign(?:ed|s|ing|ation|ations)?\\b|\\bquit (?:\\w+ ){0,2}(?:posts?|jobs?|positions?|seats?"
                + "|offices?|government|cabinet|parliament|party|coalition|institutions?)\\b|\\bquit\\b(?= (?:en masse|in protest))"
                + "|\\bstep(?:ped|s|ping)? down\\b|\\bwalked out of (?:the )?(?:government|parliament|coalition|cabinet|institutions)\\b"
                + "|\\bleft (?:their|his|her) (?:posts?|jobs?|positions?)\\b|\\bmass (?:resignations?|walkout)\\b"
                + "|\\bwithdrew from (?:the )?(?:government|coalition|cabinet|institutions)\\b",
                "resign,quit,step,walked,withdrew,gave", Requirement.NONE, null, null, null, 0.85);
        // DISMISSAL
        l.add(DISMISSAL, "\\bdismiss(?:ed|al|ing|es)?\\b|\\bremoval of\\b|\\bsack(?:ed|ing|ings)\\b|\\binterdicted\\b|\\bsuspend(?:ed|ing|s)\\b|\\bsuspension\\b"
                + "|\\bremoved from (?:\\w+ ){0,2}(?:office|posts?|positions?|duties|command)\\b|\\bousted\\b"
                + "|\\brelieved (?:\\w+ ){0,3}of (?:his|her|their) (?:duties|posts?|command|positions?)\\b"
                + "|\\bstripped (?:\\w+ ){0,3}of (?:his|her|their) (?:posts?|positions?|mandates?)\\b"
                + "|\\bfired\\b(?= (?:the |a |an |his |her |their |two |three |several |dozens of )?(?:\\w+ ){0,2}(?:chief|director|head"
                + "|commander|ministers?|officials?|officers?|employees|staff|workers|mayor|governor|ceo|manager|judges?|prosecutors?))",
                "dismiss,sack,suspen,removed,removal,ousted,relieved,stripped,fired,interdicted", Requirement.ROLE,
                null, "^\\s+(?:the |these |those |his |her |their |such )?(?:claims?|allegations?|accusations?|reports?|criticism"
                        + "|concerns?|suggestions?|charges?|it|them|as|this|that|idea|calls|case|lawsuit|appeal|petition"
                        + "|motion|complaint|talks|flights|operations|aid|cooperation|sentences?|trade|services?|production"
                        + "|agreement|deal|treaty|session|match|game|process|dialogue"
                        // "dismissed the president's claims": the words of a leader, not the leader
                        + "|(?:president|leader|prime|premier|former)\\b[^,.;]{0,30}?(?:'s|’s)"
                        + "|out of hand|fears|speculation|rumou?rs|rights?|constitutional|freedoms?|licen[cs]es?|broadcasts?"
                        + "|publication|activities|membership|payments?|exports?|imports?|visas?|decree|law|rules?)\\b", null, 0.8);
        // MILITARY_ALERT
        l.add(MILITARY_ALERT, "\\b(?:on|to|at|under|in) (?:a |an |its |their |the |his )?(?:full |high |heightened |highest "
                + "|maximum |increased |combat |high combat |full combat |the highest |top |elevated |red |raised )?"
                + "(?:state of |level of )?(?:alert|readiness|combat readiness)\\b"
                + "|\\b(?:rais(?:e|ed|es|ing)|increas(?:e|ed|es|ing)|intensif(?:y|ied|ies|ying)|heighten(?:ed|s)?|boost(?:ed|s)?"
                + "|elevat(?:e|ed|es))\\b[^.;]{0,40}?\\b(?:alert|readiness)\\b"
                + "|\\b(?:combat|battle|full) readiness\\b|\\bhigh alert\\b|\\bheightened alert\\b",
                "alert,readiness", Requirement.MILITARY,
                "(?:travel|weather|flood|tsunami|heat|health|storm|terror|fire|amber|air quality)\\s*$", null, null, 0.85);
        // DEPLOYMENT
        l.add(DEPLOYMENT, "\\b(?:deploy(?:ed|ing|s)?|redeploy(?:ed|ing|s)?|sen[dt]|sending|dispatch(?:ed|es|ing)?"
                + "|mobili[sz](?:ed|es|ing))\\b(?: (?:in|out|back|over))?", "deploy,redeploy,send,sent,dispatch,mobili",
                Requirement.PERSONNEL, "(?:troops|forces|units|soldiers|police|personnel|peacekeepers|officers|are|is|remain|remains"
                        + "|currently|already|still)\\s*$", null, null, 0.8);
        l.add(DEPLOYMENT, "\\bordered\\b(?= (?:\\S+ ){0,3}(?:troops|soldiers|police|officers|units|forces|reinforcements"
                + "|reservists|personnel|gendarmes|marines)\\b)", "ordered", Requirement.PERSONNEL, null,
                "^\\s+(?:\\S+ ){0,4}?(?:troops|soldiers|police|officers|units|forces|personnel) to (?:withdraw|leave|pull|return"
                        + "|stand down|open fire|fire|shoot|arrest|disperse)", null, 0.75);
        l.add(DEPLOYMENT, "\\b(?:troops|soldiers|rangers|gendarmes|police|policemen|officers|forces|army|military|units|personnel"
                + "|paramilitaries|guardsmen|marines|gardaí|gardai)\\s+(?:(?:were|was|are|is|have been|has been|had been|remain|remained)"
                + "\\s+)?(?:stationed|posted|positioned|massed|patrolling)\\b", "stationed,posted,positioned,massed,patrolling",
                Requirement.NONE, null, null, null, 0.7);
        l.add(DEPLOYMENT, "\\b(?:deployment|redeployment|mobili[sz]ation|dispatch) of\\b",
                "deployment,redeploy,mobili,dispatch", Requirement.PERSONNEL, null, null, null, 0.7);
        l.add(DEPLOYMENT, "\\b(?:troops|soldiers|reinforcements|peacekeepers|police officers|policemen|paratroopers|marines)\\b"
                + "(?:\\s+[\\w-]+){0,4}?\\s+(?:arrived|(?:had|have|has|were|was) been (?:moved|relocated|transferred|flown|sent|deployed))\\b",
                "arrived,moved,relocated,transferred,flown", Requirement.NONE, null, null, null, 0.7);
        // APPEAL
        l.add(APPEAL, "\\bcall(?:ed|s|ing)? (?:on|upon|for)\\b|\\burg(?:e|ed|es|ing)\\b|\\bappeal(?:ed|s|ing)? (?:to|for)\\b"
                + "|\\bask(?:ed|s|ing)?\\b|\\bplead(?:ed|s|ing)?\\b|\\bpled\\b|\\bimplor(?:e|ed|es|ing)\\b|\\bexhort(?:ed|s)?\\b"
                + "|\\b(?:it is|it's|it was) (?:vital|essential|important|crucial|imperative|necessary|critical|urgent)\\b"
                + "|\\b(?:must|should|need to|needs to) (?:\\w+ ){0,2}(?:show|exercise|display) (?:maximum |utmost )?restraint\\b"
                // "we hope that all concerned will exercise restraint": a wish addressed to the parties is an appeal
                + "|\\bhop(?:e|ed|es|ing) (?:that )?(?:all|both|the two|each|every) (?:sides|parties|concerned|those concerned"
                + "|countries|communities|stakeholders|side|party)\\b",
                "call,urge,urging,appeal,ask,plead,pled,implor,exhort,vital,essential,important,crucial,imperative,necessary,critical,urgent,restraint,hope,hoping", Requirement.RESTRAINT,
                "(?:despite|amid|ignor(?:ed|ing)|reject(?:ed|ing|s)|refus(?:ed|ing|es)|dismiss(?:ed|ing)|defied|defying|following"
                        + "|after|heed(?:ed)?|answer(?:ed)?|repeated|growing|international|western)\\s+(?:the\\s+|repeated\\s+|"
                        + "international\\s+|growing\\s+|western\\s+)?(?:\\w+\\s+)?$",
                "^\\s+(?:for (?:his|her|their) (?:resignation|arrest)|about)\\b", null, 0.8);
        // CONDEMNATION
        l.add(CONDEMNATION, "\\bcondemn(?:ed|s|ing|ation|ations)?\\b(?! to\\b)|\\bdenounc(?:e|ed|es|ing)\\b"
                + "|\\bdenunciations?\\b|\\bblam(?:e|ed|es|ing)\\b|\\bslamm?(?:ed|s)\\b|\\blambast(?:ed|s|ing)?\\b"
                + "|\\brebuk(?:e|ed|es)\\b", "condemn,denounc,denunc,blame,blaming,slam,lambast,rebuk", Requirement.NONE, null,
                "^\\s+(?:door|doors)\\b", null, 0.85);
        l.add(CONDEMNATION, "\\baccus(?:e|ed|es|ing|ation|ations)\\b(?! of\\b)", "accus", Requirement.NONE,
                "(?:\\bthe|\\ban?|\\bwas|\\bwere|\\bis|\\bare|\\bbeen|\\bbeing|\\bstand|\\bstands|\\bman|\\bwoman|\\bmen"
                        + "|\\bpeople|\\bthose|\\bsuspects?)\\s*$", null, null, 0.85);
        // the words of a statement that condemns without the verb: "will not be tolerated", "expressed outrage at",
        // "those responsible must be held accountable"
        // the modal is part of the statement ("said it would not be tolerated"), so it belongs to the trigger
        l.add(CONDEMNATION, "\\b(?:(?:will|would|shall|can|could|must|should) )?(?:not|never) be tolerated\\b"
                + "|\\b(?:cannot|can't|won't|wouldn't|shan't) be tolerated\\b|\\b(?:(?:will|would) not|won't|wouldn't) tolerate\\b"
                + "|\\bexpress(?:ed|es|ing)? (?:its |his |her |their |deep |strong )?(?:anger|outrage|indignation)\\b"
                + "|\\bvoic(?:ed|es|ing) (?:its |his |her |their |deep |strong )?(?:anger|outrage|indignation)\\b"
                + "|\\b(?:must|should|will|would) be held (?:fully )?accountable\\b",
                "tolerate,tolerated,expressed,expresses,expressing,voiced,voices,voicing,held", Requirement.NONE, null,
                "^\\s*(?:any|further)\\b", null, 0.75); // "would not tolerate any violence": a warning, not a condemnation
        l.add(CONDEMNATION, "\\bunacceptable\\b", "unacceptable", Requirement.NONE, "\\bany\\b[^,;.]{0,70}$", null, null, 0.75);
        l.add(CONDEMNATION, "\\bviolat(?:ing|ed|es|ion)\\b", "violat", Requirement.SPEECH, null, null, null, 0.6);
        return l;
    }

    private void add(EventType type, String regex, String keys, Requirement requirement, String vetoBefore,
            String vetoAfter, Violence violence, double strength) {
        Trigger t = new Trigger(type, Pattern.compile(regex), List.of(keys.split(",")), requirement,
                vetoBefore == null ? null : Pattern.compile(vetoBefore),
                vetoAfter == null ? null : Pattern.compile(vetoAfter), violence, strength);
        triggers.add(t);
        for (String key : t.keys()) {
            if (key.length() < MIN_KEY || key.length() > MAX_KEY) {
                throw new IllegalArgumentException("key length outside [" + MIN_KEY + ", " + MAX_KEY + "]: " + key);
            }
            prefix3[index3(key, 0)] = true;
            for (int len = MIN_KEY; len <= key.length(); len++) {
                keyPrefixes.add(key.substring(0, len));
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
        }
    }

    /** All triggers. */
    public List<Trigger> all() {
        return List.copyOf(triggers);
    }

    /**
     * The triggers worth trying on a lower-cased sentence, found by the four-letter prefixes of its words;
     * empty for the great majority of sentences, which are then skipped.
     */
    public List<Trigger> candidates(String lower) {
        List<Trigger> out = null;
        int n = lower.length();
        int i = 0;
        while (i < n) {
            while (i < n && !isLetter(lower.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && isLetter(lower.charAt(i))) {
                i++;
            }
            if (i - start < MIN_KEY || !prefix3[index3(lower, start)]) {
                continue;
            }
            for (int len = MIN_KEY; len <= Math.min(MAX_KEY, i - start); len++) {
                String prefix = lower.substring(start, start + len);
                if (len > MIN_KEY && !keyPrefixes.contains(prefix)) {
                    break;
                }
                List<Trigger> found = byKey.get(prefix);
                if (found != null) {
                    if (out == null) {
                        out = new ArrayList<>();
                    }
                    for (Trigger t : found) {
                        if (!out.contains(t)) {
                            out.add(t);
                        }
                    }
                }
            }
        }
        return out == null ? List.of() : out;
    }

    private static int index3(String s, int at) {
        return (code(s.charAt(at)) * 27 + code(s.charAt(at + 1))) * 27 + code(s.charAt(at + 2));
    }

    private static int code(char c) {
        return c >= 'a' && c <= 'z' ? c - 'a' + 1 : 0;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || c > 127 && Character.isLetter(c);
    }
}
