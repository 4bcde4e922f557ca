from claimrec.cli import main

main()
