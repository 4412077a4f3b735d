package io.halcyon.launcher.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.junit.Test;

public class CommandHelpTest {

    public static class Sample {
        @Descriptor("does a thing\nsecond line")
        public String thing(@Descriptor("how often") @Parameter(names = {"-n", "--count"}, absentValue = "3") int count,
                @Descriptor("be loud") @Parameter(names = "--loud", presentValue = "true", absentValue = "false") boolean loud,
                @Descriptor("the block") String blockName) {
            return "";
        }

        public String thing(String... wrong) {
            return "usage";
        }
    }

    private final CommandHelp.Command thing = new CommandHelp.Command("hal", "thing", Sample.class);

    @Test
    public void detailNamesParametersAndOptionsWithDefaultsAndLeavesOutUndescribedFallbacks() {
        String text = CommandHelp.detail(thing);
        assertTrue(text, text.startsWith("hal:thing [-n COUNT] [--loud] BLOCK_NAME\n"));
        assertTrue(text, text.contains("-n, --count COUNT  how often (default: 3)"));
        assertTrue(text, text.contains("--loud") && text.contains("be loud (default: off)"));
        assertTrue(text, text.contains("BLOCK_NAME         the block"));
        assertFalse("the fallback has no descriptor and is not shown:\n" + text, text.contains("WRONG"));
    }

    @Test
    public void listingHasOneLinePerCommandWithTheFirstLineOfItsDescriptor() {
        String text = CommandHelp.listing(List.of(thing, new CommandHelp.Command("hal", "absent", Sample.class)));
        assertEquals("hal:absent  (no description)\nhal:thing   does a thing\n"
                + "help hal:COMMAND shows a command's parameters and options with their defaults.\n", text);
    }
}
