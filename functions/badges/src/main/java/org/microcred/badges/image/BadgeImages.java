package org.microcred.badges.image;

import org.microcred.records.badges.Badge;
import org.microcred.records.badges.BadgeUrls;
import org.microcred.shared.web.Html;

/**
 * Baked badge images. Open Badges 3.0: PNG iTXt {@code openbadgecredential} and SVG
 * {@code <openbadges:credential verify="...">} carry the VC-JWT. Open Badges 2.0 (for consumers
 * that only speak 2.0): PNG iTXt {@code openbadges} and SVG {@code <openbadges:assertion verify="...">}
 * carry the hosted assertion's URL, so a 2.0 verifier always fetches its current state.
 */
public class BadgeImages {
    static final String OB3_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";
    static final String OB2_NAMESPACE = "http://openbadges.org";

    private final BadgeUrls urls;

    public BadgeImages(BadgeUrls urls) {
        this.urls = urls;
    }

    public byte[] png(Badge badge, boolean openBadges2) {
        byte[] pixels = BadgeArt.pixels(badge.microCredentialId());
        return openBadges2
                ? Png.write(pixels, BadgeArt.SIZE, BadgeArt.SIZE, "openbadges", urls.assertion(badge.badgeId()))
                : Png.write(pixels, BadgeArt.SIZE, BadgeArt.SIZE, "openbadgecredential", badge.credentialJwt());
    }

    /** The unbaked picture of an achievement (the 2.0 BadgeClass image). */
    public static byte[] plainPng(String microCredentialId) {
        return Png.write(BadgeArt.pixels(microCredentialId), BadgeArt.SIZE, BadgeArt.SIZE, null, null);
    }

    public String svg(Badge badge, boolean openBadges2) {
        String baked = openBadges2
                ? "<openbadges:assertion verify=\"" + Html.escape(urls.assertion(badge.badgeId())) + "\"></openbadges:assertion>"
                : "<openbadges:credential verify=\"" + Html.escape(badge.credentialJwt()) + "\"></openbadges:credential>";
        int[] colours = BadgeArt.palette(badge.microCredentialId());
        String ring = BadgeArt.hex(colours[0]);
        String face = BadgeArt.hex(colours[1]);
        String title = Html.escape(badge.title());
        String issuer = Html.escape(badge.organizationName());
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\""
                + (openBadges2 ? OB2_NAMESPACE : OB3_NAMESPACE)
                + "\" viewBox=\"0 0 256 256\" width=\"256\" height=\"256\" role=\"img\" aria-labelledby=\"t\">"
                + baked + "\n"
                + "<title id=\"t\">" + title + " (" + issuer + ")</title>\n"
                + "<circle cx=\"128\" cy=\"128\" r=\"126\" fill=\"" + ring + "\"/>\n"
                + "<circle cx=\"128\" cy=\"128\" r=\"104\" fill=\"#ffffff\"/>\n"
                + "<circle cx=\"128\" cy=\"128\" r=\"98\" fill=\"" + face + "\"/>\n"
                + "<path d=\"M84 108 L112 136 L172 76\" fill=\"none\" stroke=\"" + ring
                + "\" stroke-width=\"18\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>\n"
                + "<text x=\"128\" y=\"176\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"13\" fill=\""
                + ring + "\">" + Html.escape(shorten(badge.title(), 30)) + "</text>\n"
                + "<text x=\"128\" y=\"194\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"10\" fill=\""
                + ring + "\">" + Html.escape(shorten(badge.organizationName(), 36)) + "</text>\n"
                + "</svg>\n";
    }

    private static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
