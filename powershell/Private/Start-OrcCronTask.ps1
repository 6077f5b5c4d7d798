function Start-OrcCronTask {
    <#
    .SYNOPSIS
        Starts one manual run of a task now, detached, and returns the PID of its orc-exec.
    .DESCRIPTION
        Runs 'orc-exec run <name> --manual --home <store>' in its own session (setsid, or nohup
        where setsid is missing) with stdin, stdout and stderr on /dev/null, so that the run goes
        on after PowerShell exits or is interrupted; orc-exec keeps its own log and history. The
        process is started through 'sh -c exec', so the returned PID is orc-exec's own.
    .PARAMETER Name
        The task name.
    .PARAMETER ExecPath
        The orc-exec binary.
    .PARAMETER StoreHome
        The store folder.
    .EXAMPLE
        $pid = Start-OrcCronTask -Name hello -ExecPath /opt/orc/orc-exec -StoreHome /var/lib/orchestrator
    .OUTPUTS
        System.Int32
    #>
    [CmdletBinding()]
    [OutputType([int])]
    param(
        [Parameter(Mandatory)]
        [ValidatePattern('^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$')]
        [string] $Name,

        [Parameter(Mandatory)]
        [string] $ExecPath,

        [Parameter(Mandatory)]
        [string] $StoreHome
    )

    $script = 'if command -v setsid >/dev/null 2>&1; then exec setsid "$@" </dev/null >/dev/null 2>&1; ' +
    'else exec nohup "$@" </dev/null >/dev/null 2>&1; fi'
    $psi = New-Object -TypeName System.Diagnostics.ProcessStartInfo -ArgumentList '/bin/sh'
    foreach ($a in @('-c', $script, 'orc-exec', [System.IO.Path]::GetFullPath($ExecPath), 'run', $Name, '--manual',
            '--home', [System.IO.Path]::GetFullPath($StoreHome))) {
        $psi.ArgumentList.Add($a)
    }
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    Write-Verbose "Started task '$Name' (orc-exec PID $($process.Id))."
    return [int]$process.Id
}
