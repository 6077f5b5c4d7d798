function Start-OrcLegacyProcess {
    <#
    .SYNOPSIS
        Starts the legacy poller again the way it was started, detached so it outlives the session.
    .DESCRIPTION
        Unix: the recorded argv, working directory and environment, in a new session (setsid -f),
        as the recorded user (setpriv, when running as root for another user), stdin from
        /dev/null and stdout/stderr appended to the files it wrote before (else /dev/null).
        Windows: Win32_Process.Create through CIM with the recorded command line and working
        directory; CIM starts it outside this session's job, so it outlives the cmdlet.
        Returns the new Orchestrator.LegacyProcess once it is seen running.
    .PARAMETER Process
        The Orchestrator.LegacyProcess recorded by the detect step.
    .OUTPUTS
        Orchestrator.LegacyProcess
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [object] $Process
    )

    if (Test-OrcWindows) {
        $arguments = @{ CommandLine = [string]$Process.CommandLine }
        if ($Process.WorkingDirectory) { $arguments['CurrentDirectory'] = [string]$Process.WorkingDirectory }
        $created = CimCmdlets\Invoke-CimMethod -ClassName Win32_Process -MethodName Create -Arguments $arguments -ErrorAction Stop
        if ([int]$created.ReturnValue -ne 0) {
            throw (New-OrcErrorRecord -ErrorId 'Orc.LegacyStartFailed' -Category InvalidOperation -TargetObject $Process.CommandLine `
                    -Message "Win32_Process.Create returned $($created.ReturnValue) for '$($Process.CommandLine)' in '$($Process.WorkingDirectory)'. Start the poller by hand.")
        }
        return (Get-OrcLegacyProcess -ProcessId ([int]$created.ProcessId))
    }

    $argv = @($Process.Argv)
    $out = '/dev/null'
    $err = '/dev/null'
    if ($Process.StdOut) { $out = [string]$Process.StdOut }
    if ($Process.StdErr) { $err = [string]$Process.StdErr }
    $psi = New-Object -TypeName System.Diagnostics.ProcessStartInfo -ArgumentList '/bin/sh'
    $psi.UseShellExecute = $false
    foreach ($item in @('-c', 'o=$1; e=$2; shift 2; exec setsid -f "$@" </dev/null >>"$o" 2>>"$e"', 'sh', $out, $err)) { $psi.ArgumentList.Add($item) }
    $me = [System.Environment]::UserName
    if ($Process.User -and $Process.User -ne $me -and (Get-OrcUserId) -eq 0) {
        foreach ($item in @('setpriv', "--reuid=$($Process.User)", "--regid=$($Process.User)", '--init-groups', '--')) { $psi.ArgumentList.Add($item) }
    }
    foreach ($item in $argv) { $psi.ArgumentList.Add($item) }
    if ($Process.WorkingDirectory) { $psi.WorkingDirectory = [string]$Process.WorkingDirectory }
    if ($null -ne $Process.Environment) {
        $psi.Environment.Clear()
        foreach ($pair in @($Process.Environment)) {
            $cut = ([string]$pair).IndexOf('=')
            if ($cut -gt 0) { $psi.Environment[$pair.Substring(0, $cut)] = $pair.Substring($cut + 1) }
        }
        if (-not $psi.Environment.ContainsKey('PATH')) { $psi.Environment['PATH'] = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }
    }
    $launcher = [System.Diagnostics.Process]::Start($psi)
    $launcher.WaitForExit()
    if ($launcher.ExitCode -ne 0) {
        throw (New-OrcErrorRecord -ErrorId 'Orc.LegacyStartFailed' -Category InvalidOperation -TargetObject $Process.CommandLine `
                -Message "Starting '$($Process.CommandLine)' in '$($Process.WorkingDirectory)' failed (exit code $($launcher.ExitCode)). Start the poller by hand.")
    }
    $deadline = [datetime]::UtcNow.AddSeconds(10)
    do {
        foreach ($candidate in @(Find-OrcMigrationLegacy -Process $Process)) {
            return $candidate
        }
        Start-Sleep -Milliseconds 100
    } while ([datetime]::UtcNow -lt $deadline)
    throw (New-OrcErrorRecord -ErrorId 'Orc.LegacyStartFailed' -Category InvalidOperation -TargetObject $Process.CommandLine `
            -Message "'$($Process.CommandLine)' was started in '$($Process.WorkingDirectory)' but is not running 10 s later (see $err). Start the poller by hand.")
}
