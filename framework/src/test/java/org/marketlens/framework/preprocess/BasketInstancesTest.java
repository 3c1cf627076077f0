package org.marketlens.framework.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.marketlens.framework.preprocess.PreprocessFixtures.rows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketlens.framework.data.Interactions;

class BasketInstancesTest {
    @Test
    void eachItemOfABasketIsATargetWithTheOthersAsContext() {
        Interactions data = rows("a x - - 1", "a y - - 1", "a z - - 1", "a w - - 2", "b x - - 5", "b y - - 5");
        int x = data.items().index("x");
        int y = data.items().index("y");
        int z = data.items().index("z");
        List<BasketInstance> all = BasketInstances.of(data, 1);
        assertEquals(3 + 1 + 2, all.size(), "a basket of |t| items yields |t| instances");
        assertEquals(x, all.get(0).target());
        assertArrayEquals(new int[] {y, z}, all.get(0).context());
        assertArrayEquals(new int[] {x, z}, all.get(1).context());
        assertArrayEquals(new int[] {x, y}, all.get(2).context());
        assertEquals(0, all.get(3).context().length);
        List<BasketInstance> big = BasketInstances.of(data, 3);
        assertEquals(3, big.size(), "only the 3-item basket qualifies");
        assertEquals(1, big.get(0).group());
    }
}
