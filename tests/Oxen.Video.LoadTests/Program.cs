using Oxen.Video.LoadTests;

// dotnet run -c Release --project tests/Oxen.Video.LoadTests [-- --count 1000 --scale 2]
// Exit code: 0 every target met, 1 a target missed, 2 the harness failed (error or watchdog).
// The batch scenario (issue 10): dotnet run -c Release --project tests/Oxen.Video.LoadTests -- --batch [--lines 10000 --kills 20]
return args.Length > 0 && args[0] == EmulatorHost.Switch ? await EmulatorHost.RunAsync(args[1..])
    : args.Length > 0 && args[0] == BatchScenario.Switch ? await BatchScenario.RunAsync(args[1..])
    : args.Length > 0 && args[0] == BatchChild.Switch ? await BatchChild.RunAsync(args[1..])
    : await LoadRun.RunAsync(args);
