// winpwsh: the Windows PowerShell 7 host the Wine lane runs (scripts/test-windows-pester.sh).
//
//   winpwsh.exe -File <script.ps1> [args...]   run the script in a hosted runspace
//   winpwsh.exe <anything else>                the stock console host (pwsh's own arguments)
//
// The stock console host needs a Win32 console, which Wine has only under a terminal;
// the runspace mode needs none, so CI can run it with plain pipes. Execution policy is
// Bypass in both modes: Windows' default (Restricted) refuses every script.
using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Microsoft.PowerShell;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length >= 2 && string.Equals(args[0], "-File", StringComparison.OrdinalIgnoreCase))
        {
            return RunFile(args[1], args[2..]);
        }
        var shellArgs = new List<string> { "-ExecutionPolicy", "Bypass" };
        shellArgs.AddRange(args);
        return ConsoleShell.Start("winpwsh", "winpwsh: PowerShell under Wine", shellArgs.ToArray());
    }

    private static int RunFile(string path, string[] scriptArgs)
    {
        var iss = InitialSessionState.CreateDefault2();
        iss.ExecutionPolicy = ExecutionPolicy.Bypass;
        using var runspace = RunspaceFactory.CreateRunspace(iss);
        runspace.Open();
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;

        // Without a host, Write-Host lands in the information stream: print it as it
        // arrives so a long Pester run shows progress, not one block at the end.
        ps.Streams.Information.DataAdded += (s, e) =>
        {
            var rec = ((PSDataCollection<InformationRecord>)s!)[e.Index];
            var noNewLine = rec.MessageData is HostInformationMessage h && h.NoNewLine == true;
            if (noNewLine) Console.Out.Write(rec.MessageData?.ToString()); else Console.Out.WriteLine(rec.MessageData?.ToString());
            Console.Out.Flush();
        };
        ps.Streams.Warning.DataAdded += (s, e) =>
            Console.Error.WriteLine("WARNING: " + ((PSDataCollection<WarningRecord>)s!)[e.Index].Message);
        ps.Streams.Error.DataAdded += (s, e) =>
        {
            var err = ((PSDataCollection<ErrorRecord>)s!)[e.Index];
            Console.Error.WriteLine(err.ToString());
            if (err.InvocationInfo?.PositionMessage is { Length: > 0 } pos) Console.Error.WriteLine(pos);
        };

        var output = new PSDataCollection<PSObject>();
        output.DataAdded += (s, e) => Console.Out.WriteLine(((PSDataCollection<PSObject>)s!)[e.Index]?.ToString());

        // Out-String -Stream formats objects the way the console would.
        ps.AddScript("param($__file, $__args) & $__file @__args | Out-String -Stream -Width 200")
          .AddArgument(path).AddArgument(scriptArgs);
        try
        {
            ps.Invoke(null, output);
        }
        catch (RuntimeException ex)
        {
            Console.Error.WriteLine(ex.ErrorRecord?.ToString() ?? ex.Message);
            return 1;
        }
        var code = runspace.SessionStateProxy.GetVariable("LASTEXITCODE");
        if (code is int n) return n;
        return ps.HadErrors ? 1 : 0;
    }
}
