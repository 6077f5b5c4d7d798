function Read-OrcSetting {
    <#
    .SYNOPSIS
        Asks for one setting at the console; an empty answer keeps the default.
    .DESCRIPTION
        The default (the current value, or what the step would do) is shown in brackets, so
        pressing Enter through Initialize-Orchestrator changes nothing. With -YesNo the answer
        is a [bool] (y/yes or n/no, any case; anything else asks again).
    .PARAMETER Prompt
        What to ask.
    .PARAMETER Default
        Returned on an empty answer.
    .PARAMETER YesNo
        Ask a yes/no question; Default is then 'y' or 'n'.
    .EXAMPLE
        Read-OrcSetting -Prompt 'SMTP server' -Default 'mail.example.com'
    .OUTPUTS
        System.String, or System.Boolean with -YesNo.
    #>
    [CmdletBinding()]
    [OutputType([string], [bool])]
    param(
        [Parameter(Mandatory)]
        [string] $Prompt,

        [AllowEmptyString()]
        [AllowNull()]
        [string] $Default = '',

        [switch] $YesNo
    )

    while ($true) {
        $answer = [string](Read-Host -Prompt ("{0} [{1}]" -f $Prompt, $Default))
        $answer = $answer.Trim()
        if ($answer -eq '') { $answer = [string]$Default }
        if (-not $YesNo) { return $answer }
        switch -Regex ($answer) {
            '^(?i)y(es)?$' { return $true }
            '^(?i)no?$' { return $false }
        }
        Write-Host 'Please answer y or n.'
    }
}
