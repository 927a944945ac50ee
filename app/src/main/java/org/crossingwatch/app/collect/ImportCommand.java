package org.crossingwatch.app.collect;

import picocli.CommandLine.Command;

/** {@code crossingwatch import}: one-off imports of posts from files, one subcommand per format. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Imports posts from files into cw.posts.raw.",
    subcommands = {ImportTelegramExportCommand.class})
public final class ImportCommand {}
