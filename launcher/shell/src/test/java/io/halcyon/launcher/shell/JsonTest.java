package io.halcyon.launcher.shell;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class JsonTest {

    @Test
    public void writesNestedValuesCompactlyInInsertionOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("n", 400);
        inner.put("loss", 0.0111454);
        inner.put("whole", 2.0);
        inner.put("ok", true);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("list", List.of(1L, "two", inner));
        outer.put("none", null);
        assertEquals("{\"list\":[1,\"two\",{\"n\":400,\"loss\":0.0111454,\"whole\":2.0,\"ok\":true}],\"none\":null}", Json.write(outer));
    }

    @Test
    public void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", Json.write("a\"b\\c\nd\u0001"));
    }

    @Test
    public void refusesNumbersJsonCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
    }
}
