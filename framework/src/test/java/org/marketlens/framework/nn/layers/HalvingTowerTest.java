package org.marketlens.framework.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HalvingTowerTest {
    @Test
    void widthsHalveFromTheEmbeddingSize() {
        assertArrayEquals(new int[] {128, 64}, HalvingTower.widths("m", 64, 1));
        assertArrayEquals(new int[] {128, 64, 32, 16}, HalvingTower.widths("m", 64, 3));
        assertArrayEquals(new int[] {8, 4, 2, 1}, HalvingTower.widths("m", 4, 3));
    }

    @Test
    void aTowerThatWouldHalveBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> HalvingTower.widths("m", 4, 4));
        assertThrows(IllegalArgumentException.class, () -> HalvingTower.widths("m", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> HalvingTower.widths("m", 8, 0));
    }
}
