package io.halcyon.rdl.compiler.cli;

import io.halcyon.rdl.compiler.RdlCompiler;
import io.halcyon.rdl.compiler.diag.Diagnostic;
import io.halcyon.rdl.compiler.diag.RdlException;
import io.halcyon.rdl.compiler.model.ElaboratedModel;
import io.halcyon.rdl.compiler.preprocess.PerlPreprocessor;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rdl-compiler [-I DIR]... [--top NAME] FILE...}: elaborates the files and prints the
 * register model as JSON on stdout. Errors go to stderr as file:line:column lines; nothing is
 * printed on stdout unless elaboration succeeded.
 */
public final class RdlCommand {

    static final String USAGE = "usage: rdl-compiler [-I DIR]... [--top NAME] [--perl-timeout SECONDS] FILE...\n"
            + "  FILE: SystemRDL (.rdl) or an IP-XACT 1685-2014/1685-2009 component (.xml)";

    private RdlCommand() {
    }

    public static void main(String[] args) {
        int rc = run(args, System.out, System.err);
        System.exit(rc);
    }

    /** Runs the command in-process; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> includes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        String top = null;
        PerlPreprocessor perl = PerlPreprocessor.system();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-I") || a.equals("--top") || a.equals("--perl-timeout")) {
                if (i + 1 >= args.length) {
                    err.println("error: " + a + " needs a value");
                    err.println(USAGE);
                    return 2;
                }
                String v = args[++i];
                if (a.equals("-I")) {
                    includes.add(Path.of(v));
                } else if (a.equals("--perl-timeout")) {
                    if (!v.matches("[1-9][0-9]{0,5}")) {
                        err.println("error: --perl-timeout needs a whole number of seconds, not '" + v + "'");
                        err.println(USAGE);
                        return 2;
                    }
                    perl = new PerlPreprocessor(PerlPreprocessor.system().executable(), Duration.ofSeconds(Long.parseLong(v)));
                } else {
                    top = v;
                }
            } else if (a.startsWith("-I") && a.length() > 2) {
                includes.add(Path.of(a.substring(2)));
            } else if (a.equals("-h") || a.equals("--help")) {
                out.println(USAGE);
                return 0;
            } else if (a.startsWith("-")) {
                err.println("error: unknown option '" + a + "'");
                err.println(USAGE);
                return 2;
            } else {
                files.add(Path.of(a));
            }
        }
        if (files.isEmpty()) {
            err.println("error: no input files");
            err.println(USAGE);
            return 2;
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                err.println(f + ":0:0: cannot read input file (no such file)");
                return 1;
            }
        }
        try {
            RdlCompiler compiler = new RdlCompiler().perl(perl);
            includes.forEach(compiler::addIncludeDir);
            for (Path f : files) {
                compiler.compile(f);
            }
            ElaboratedModel model = compiler.elaborate(top);
            // Render fully before printing so that a failure never leaves partial output.
            String json = JsonWriter.write(ModelJson.toJson(model));
            out.write(json.getBytes(StandardCharsets.UTF_8), 0, json.getBytes(StandardCharsets.UTF_8).length);
            out.flush();
            return 0;
        } catch (RdlException e) {
            for (Diagnostic d : e.diagnostics()) {
                err.println(d);
            }
            return 1;
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in the compiler, not in the input: still no stack trace for the user.
            err.println(files.get(0) + ":0:0: internal compiler error: " + e);
            return 3;
        }
    }
}
