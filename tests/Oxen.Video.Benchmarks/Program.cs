using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Oxen.Video.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
