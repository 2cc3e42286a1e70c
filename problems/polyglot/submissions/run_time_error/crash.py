raise SystemExit("crash: " + input())
