function Stop-OrcLegacyProcess {
    <#
    .SYNOPSIS
        Stops the legacy poller: gracefully first, forced after a timeout.
    .DESCRIPTION
        Unix: SIGTERM, then SIGKILL when the process is still there after -Timeout. Windows:
        taskkill /PID (a close request), then Win32_Process.Terminate through CIM. A process that
        is gone, or whose PID now belongs to another program (other start time), counts as
        stopped. Returns 'AlreadyStopped', 'Stopped' or 'Killed'.
    .PARAMETER Process
        The Orchestrator.LegacyProcess recorded by the detect step.
    .PARAMETER Timeout
        How long to wait after the graceful request.
    .OUTPUTS
        System.String
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [object] $Process,

        [timespan] $Timeout = [timespan]::FromSeconds(30)
    )

    $processId = [int]$Process.ProcessId
    $alive = {
        $now = @(Get-OrcLegacyProcess -ProcessId $processId)
        ($now.Count -gt 0 -and [string]$now[0].StartTime -eq [string]$Process.StartTime)
    }
    if (-not (& $alive)) { return 'AlreadyStopped' }

    Send-OrcLegacyCloseRequest -ProcessId $processId
    $deadline = [datetime]::UtcNow.Add($Timeout)
    while ([datetime]::UtcNow -lt $deadline) {
        if (-not (& $alive)) { return 'Stopped' }
        Start-Sleep -Milliseconds 200
    }

    Write-Warning "The legacy process $processId did not stop within $Timeout; killing it."
    if (Test-OrcWindows) {
        $instance = @(CimCmdlets\Get-CimInstance -ClassName Win32_Process -Filter "ProcessId = $processId" -ErrorAction Stop)
        foreach ($item in $instance) { CimCmdlets\Invoke-CimMethod -InputObject $item -MethodName Terminate -ErrorAction Stop | Out-Null }
    }
    else {
        & kill -KILL $processId 2>&1 | Write-Verbose
    }
    $deadline = [datetime]::UtcNow.AddSeconds(10)
    while ([datetime]::UtcNow -lt $deadline) {
        if (-not (& $alive)) { return 'Killed' }
        Start-Sleep -Milliseconds 200
    }
    throw (New-OrcErrorRecord -ErrorId 'Orc.LegacyStopFailed' -Category OperationStopped -TargetObject $processId `
            -Message "The legacy process $processId ($($Process.CommandLine)) is still running after being killed. Stop it by hand, then run Start-OrcMigration again.")
}
