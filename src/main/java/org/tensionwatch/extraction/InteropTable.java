package org.tensionwatch.extraction;

import org.tensionwatch.domain.EventType;
import org.tensionwatch.domain.InteropCodes;

/**
 * The PLOVER type and mode and the CAMEO root code of each event type, after the PLOVER codebook's
 * CAMEO-to-PLOVER table (2021 draft, where FIGHT was folded into ASSAULT):
 *
 * <table>
 *   <caption>Interoperability codes</caption>
 *   <tr><th>type</th><th>PLOVER type / mode</th><th>CAMEO root</th><th>why</th></tr>
 *   <tr><td>PROTEST</td><td>PROTEST / demo</td><td>14</td><td>141 demonstrate or rally; 144 obstruct</td></tr>
 *   <tr><td>CLASH (riot, assault)</td><td>ASSAULT / beat</td><td>18</td><td>182 physically assault</td></tr>
 *   <tr><td>CLASH (tear gas, water cannon)</td><td>ASSAULT / -</td><td>17</td><td>175 violent repression</td></tr>
 *   <tr><td>CLASH (shelling, air strikes, gunfire)</td><td>ASSAULT / heavy-weapons, firearms</td><td>19</td>
 *       <td>193-195 conventional military force</td></tr>
 *   <tr><td>INJURY, FATALITY</td><td>as the violence that caused them; ASSAULT / - by default</td><td>18</td><td></td></tr>
 *   <tr><td>ARREST</td><td>COERCE / arrest</td><td>17</td><td>173 arrest, detain</td></tr>
 *   <tr><td>RESIGNATION</td><td>PROTEST / boycott</td><td>14</td><td>no PLOVER or CAMEO code for resigning; the
 *       resignations the ontology tracks are walk-outs from institutions, 143 strike or boycott</td></tr>
 *   <tr><td>DISMISSAL</td><td>COERCE / restrict</td><td>17</td><td>172 impose administrative sanctions</td></tr>
 *   <tr><td>MILITARY_ALERT</td><td>MOBILIZE / troops</td><td>15</td><td>152 increase military alert status</td></tr>
 *   <tr><td>DEPLOYMENT</td><td>MOBILIZE / troops, or police</td><td>15</td><td>154 mobilize armed forces, 153 police</td></tr>
 *   <tr><td>APPEAL</td><td>REQUEST / -</td><td>02</td><td>CAMEO 02 appeal (028 appeal to negotiate, 0256 to de-escalate)</td></tr>
 *   <tr><td>CONDEMNATION</td><td>ACCUSE / disapprove</td><td>11</td><td>111 criticize or denounce, 112 accuse</td></tr>
 * </table>
 */
public final class InteropTable {

    /** How the violence of a clash was carried out, which decides its PLOVER mode and CAMEO root. */
    public enum Violence {
        PHYSICAL,
        REPRESSION,
        FIREARMS,
        HEAVY_WEAPONS
    }

    private InteropTable() {
    }

    /** The codes of an event of the given type; {@code violence} refines CLASH, INJURY and FATALITY and may be null. */
    public static InteropCodes codes(EventType type, Violence violence, boolean police) {
        return switch (type) {
            case PROTEST -> new InteropCodes("PROTEST", "demo", "14");
            case CLASH -> violent(violence == null ? Violence.PHYSICAL : violence);
            case INJURY, FATALITY -> violence == null ? new InteropCodes("ASSAULT", null, "18") : violent(violence);
            case ARREST -> new InteropCodes("COERCE", "arrest", "17");
            case RESIGNATION -> new InteropCodes("PROTEST", "boycott", "14");
            case DISMISSAL -> new InteropCodes("COERCE", "restrict", "17");
            case MILITARY_ALERT -> new InteropCodes("MOBILIZE", "troops", "15");
            case DEPLOYMENT -> new InteropCodes("MOBILIZE", police ? "police" : "troops", "15");
            case APPEAL -> new InteropCodes("REQUEST", null, "02");
            case CONDEMNATION -> new InteropCodes("ACCUSE", "disapprove", "11");
        };
    }

    private static InteropCodes violent(Violence violence) {
        return switch (violence) {
            case PHYSICAL -> new InteropCodes("ASSAULT", "beat", "18");
            case REPRESSION -> new InteropCodes("ASSAULT", null, "17");
            case FIREARMS -> new InteropCodes("ASSAULT", "firearms", "19");
            case HEAVY_WEAPONS -> new InteropCodes("ASSAULT", "heavy-weapons", "19");
        };
    }
}
