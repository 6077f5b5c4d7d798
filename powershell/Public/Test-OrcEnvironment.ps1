function Test-OrcEnvironment {
    <#
    .SYNOPSIS
        Checks this Orchestrator installation and says what to fix.
    .DESCRIPTION
        Test-OrcEnvironment runs 'orc-exec doctor' with the module's version, then adds what only
        the module sees: whether the scheduler answers, whether every definition has a scheduler
        entry (and every entry a definition), and whether the registered tasks run the executor
        this module ships. Each check is one Orchestrator.EnvironmentCheck with a Status of Ok,
        Warn, Fail or Skip, what was found (Detail) and how to fix it (Fix). Nothing is changed.

        When any check fails, one non-terminating error Orc.Unhealthy names the failing checks:
        scripts use -ErrorAction Stop (or -Quiet) to act on it. Warnings are not errors.
    .PARAMETER SmtpConnect
        Also connect to the SMTP server and read its greeting (default: only resolve its name).
        No mail is sent; Send-OrcTestMail does that.
    .PARAMETER Quiet
        Return only $true (no check failed) or $false.
    .EXAMPLE
        Test-OrcEnvironment

        Shows every check as a table; failed checks come with the command that fixes them.
    .EXAMPLE
        Test-OrcEnvironment | Where-Object Status -ne 'Ok' | Format-List Name, Detail, Fix

        Lists what needs attention, with the fixes in full.
    .EXAMPLE
        if (-not (Test-OrcEnvironment -Quiet -SmtpConnect)) { exit 1 }

        Fails a deployment script when the installation is not healthy.
    .INPUTS
        None. This cmdlet does not take pipeline input.
    .OUTPUTS
        Orchestrator.EnvironmentCheck, or System.Boolean with -Quiet.
    .LINK
        Initialize-Orchestrator
    .LINK
        about_Orchestrator
    #>
    [CmdletBinding()]
    [OutputType('Orchestrator.EnvironmentCheck', [bool])]
    param(
        [switch] $SmtpConnect,

        [switch] $Quiet
    )

    $checks = New-Object -TypeName System.Collections.Generic.List[object]
    $moduleVersion = [string]$MyInvocation.MyCommand.Module.Version
    $exe = $null
    try {
        $exe = Get-OrcExecutablePath
    }
    catch {
        $checks.Add((New-OrcEnvironmentCheck -Name 'executor.path' -Status Fail -Detail $_.Exception.Message -Fix 'Reinstall the module (Install-Module Orchestrator -Force), or set ORC_EXEC_PATH to an orc-exec binary.'))
    }
    if ($exe) {
        $arguments = @('doctor', '--module-version', $moduleVersion)
        if ($SmtpConnect) { $arguments += '--smtp-connect' }
        $doctor = Invoke-OrcExec -ArgumentList $arguments
        # 0: healthy or warnings; 11 (Unhealthy): a check failed. Anything else: doctor itself failed.
        if ($doctor.ExitCode -ne 0 -and $doctor.ExitCode -ne 11) {
            $checks.Add((New-OrcEnvironmentCheck -Name 'executor.run' -Status Fail -Detail ("orc-exec doctor failed (exit {0}): {1}" -f $doctor.ExitCode, (@($doctor.StdErr) -join ' ')) -Fix "Run '$exe doctor' to see the error; reinstall the module if the executor is damaged."))
        }
        foreach ($record in @($doctor.Records)) {
            $checks.Add((New-OrcEnvironmentCheck -Name $record.name -Status $record.status -Detail $record.detail -Fix ([string](Get-OrcCronProperty -InputObject $record -Name 'fix'))))
        }
    }
    foreach ($check in @(Get-OrcSchedulerCheck -ExecutablePath $exe)) {
        $checks.Add($check)
    }

    $failed = @($checks | Where-Object { $_.Status -eq 'Fail' })
    if ($Quiet) {
        return ($failed.Count -eq 0)
    }
    $checks
    if ($failed.Count -gt 0) {
        $names = ($failed | ForEach-Object { $_.Name }) -join ', '
        $PSCmdlet.WriteError((New-OrcErrorRecord -Message ("{0} check(s) failed: {1}. Each check's Fix says what to do." -f $failed.Count, $names) -ErrorId 'Orc.Unhealthy' -Category InvalidOperation -TargetObject $names))
    }
}
