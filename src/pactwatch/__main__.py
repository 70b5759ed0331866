from pactwatch.cli.main import main

main()
