"""The Discord front end: client, runner, embeds, buttons and error handling."""
