function Get-OrcCronTarget {
    <#
    .SYNOPSIS
        Decides which crontab the cron backend edits: the user's crontab, /etc/cron.d/orchestrator or a file.
    .DESCRIPTION
        $env:ORC_CRON_TARGET chooses:
          user          the current user's crontab, through the crontab command
          system        /etc/cron.d/orchestrator (system format with a user field; root only)
          <path>        that file; system format when it lies in /etc/cron.d or is /etc/crontab,
                        user format otherwise (unit tests use a temp file)
        Unset: root gets /etc/cron.d/orchestrator when /etc/cron.d exists, everyone else (and macOS)
        the user crontab.
    .EXAMPLE
        $env:ORC_CRON_TARGET = 'user'; Get-OrcCronTarget
    .OUTPUTS
        System.Management.Automation.PSCustomObject with Kind (Crontab|File), Path, Format (User|System), User, Description.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param()

    $systemFile = '/etc/cron.d/orchestrator'
    $choice = "$env:ORC_CRON_TARGET".Trim()
    $userName = [System.Environment]::UserName
    if (-not $choice) {
        if ((Get-OrcUserId) -eq 0 -and (Test-Path -LiteralPath '/etc/cron.d' -PathType Container)) {
            $choice = 'system'
        }
        else {
            $choice = 'user'
        }
    }
    switch ($choice) {
        'user' {
            return [pscustomobject]@{ Kind = 'Crontab'; Path = $null; Format = 'User'; User = $userName; Description = "the crontab of $userName" }
        }
        'system' {
            if ((Get-OrcUserId) -ne 0) {
                throw (New-OrcErrorRecord -ErrorId 'Orc.CronTargetDenied' -Category PermissionDenied -TargetObject $systemFile -Message (
                        "ORC_CRON_TARGET=system writes $systemFile, which needs root. Run as root, or set ORC_CRON_TARGET=user."))
            }
            return [pscustomobject]@{ Kind = 'File'; Path = $systemFile; Format = 'System'; User = 'root'; Description = $systemFile }
        }
        default {
            $path = [System.IO.Path]::GetFullPath($choice)
            $format = 'User'
            if ($path -like '/etc/cron.d/*' -or $path -eq '/etc/crontab') { $format = 'System' }
            return [pscustomobject]@{ Kind = 'File'; Path = $path; Format = $format; User = 'root'; Description = $path }
        }
    }
}
