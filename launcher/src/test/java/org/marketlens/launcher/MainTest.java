package org.marketlens.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void onlyTheShellCommandKeepsTheFrameworkRunning() {
        assertTrue(Main.isShell(new String[] {"shell"}));
        assertTrue(Main.isShell(new String[] {"--verbose", "shell"}));
        assertFalse(Main.isShell(new String[] {}));
        assertFalse(Main.isShell(new String[] {"list"}));
        assertFalse(Main.isShell(new String[] {"run", "shell"}), "a spec file named shell is an argument of run");
        assertFalse(Main.isShell(new String[] {"--help"}));
    }
}
