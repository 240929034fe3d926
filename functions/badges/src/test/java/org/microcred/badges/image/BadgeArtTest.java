package org.microcred.badges.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The badge picture's colours come from the micro-credential, so achievements look different. */
class BadgeArtTest {
    @Test
    void palette_isStablePerMicroCredentialAndDiffersBetweenThem() {
        assertThat(BadgeArt.palette("exit-tickets")).containsExactly(BadgeArt.palette("exit-tickets"));
        assertThat(BadgeArt.palette("exit-tickets")).isNotEqualTo(BadgeArt.palette("restorative-circles"));
    }

    @Test
    void palette_ringIsDarkEnoughToReadOnTheLightFace() {
        int[] colours = BadgeArt.palette("exit-tickets");
        assertThat(luminance(colours[1]) - luminance(colours[0])).isGreaterThan(0.4);
    }

    private static double luminance(int rgb) {
        return (0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff)) / 255;
    }
}
